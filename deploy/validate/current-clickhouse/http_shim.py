"""A minimal ClickHouse HTTP endpoint over chDB, the embedded engine of the current ClickHouse release.

GoSight's schema and queries must run on ClickHouse 18.16 (Debian's package, the local stack) and
on current releases. No current server package installs on these machines, but chDB does (PyPI):
this shim lets the unchanged services and tests send their SQL to it through @clickhouse/client.
It implements only what that client uses: GET /ping, and POST / with the statement in the `query`
URL parameter and/or the body (INSERT data follows the statement), `database`, and the response in
the format the statement names. Statements run one at a time, as the session is single-threaded.
"""

import argparse
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

from chdb import session as chdb_session

LOCK = threading.Lock()
# The settings @clickhouse/client may put in the URL that are not per-query SETTINGS clauses.
CLIENT_PARAMS = {"query", "database", "query_id", "default_format", "session_id"}
# Settings of the HTTP transport itself, which an embedded engine has no use for.
HTTP_ONLY = {
    "send_progress_in_http_headers",
    "http_headers_progress_interval_ms",
    "wait_end_of_query",
    "enable_http_compression",
    "http_zlib_compression_level",
}
ERROR_CODE = re.compile(r"Code: (\d+)")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    db: chdb_session.Session

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass

    def do_GET(self):
        path = urlparse(self.path).path
        if path in ("/ping", "/"):
            self.reply(200, b"Ok.\n")
        else:
            self.reply(404, b"Not found\n")

    def do_POST(self):
        url = urlparse(self.path)
        params = {key: values[-1] for key, values in parse_qs(url.query).items()}
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else self.read_chunked()
        statement = params.get("query", "")
        sql = f"{statement}\n{body.decode()}" if statement else body.decode()
        settings = {k: v for k, v in params.items() if k not in CLIENT_PARAMS and k not in HTTP_ONLY}
        if settings and re.match(r"\s*(SELECT|WITH)\b", sql, re.I):
            sql = f"{sql.rstrip().rstrip(';')} SETTINGS {', '.join(f'{k} = {quote(v)}' for k, v in settings.items())}"
        output_format = format_of(sql) or params.get("default_format") or "TabSeparated"
        try:
            with LOCK:
                self.db.query(f"USE {params.get('database', 'default')}", "TabSeparated")
                result = self.db.query(sql, output_format)
            data = result.bytes() if hasattr(result, "bytes") else bytes(result)
            self.reply(200, data, {"X-ClickHouse-Format": output_format, "X-ClickHouse-Summary": "{}"})
        except Exception as error:  # chDB raises RuntimeError with the server's message
            message = str(error)
            code = ERROR_CODE.search(message)
            text = message if code else f"Code: 1000. DB::Exception: {message}"
            self.reply(500, text.encode(), {"X-ClickHouse-Exception-Code": code.group(1) if code else "1000"})

    def read_chunked(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() != "chunked":
            return b""
        chunks = []
        while True:
            size = int(self.rfile.readline().strip() or b"0", 16)
            if size == 0:
                self.rfile.readline()
                return b"".join(chunks)
            chunks.append(self.rfile.read(size))
            self.rfile.readline()

    def reply(self, status: int, data: bytes, headers: dict[str, str] | None = None):
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=UTF-8")
        self.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)


def format_of(sql: str) -> str | None:
    match = re.search(r"\bFORMAT\s+(\w+)\s*;?\s*$", sql.split("\n", 1)[0] if sql.upper().startswith("INSERT") else sql, re.I)
    return match.group(1) if match else None


def quote(value: str) -> str:
    return value if re.fullmatch(r"-?\d+(\.\d+)?", value) else "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=18124)
    parser.add_argument("--data", default="/tmp/gosight-chdb")
    args = parser.parse_args()
    Handler.db = chdb_session.Session(args.data)
    version = Handler.db.query("SELECT version()", "TabSeparated").bytes().decode().strip()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print(f"ClickHouse {version} (chDB) answering on http://127.0.0.1:{args.port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
