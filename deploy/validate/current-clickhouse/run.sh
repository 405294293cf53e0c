#!/usr/bin/env bash
# Runs every ClickHouse-backed integration test again, this time against the
# engine of the current ClickHouse release (chDB from PyPI, behind
# http_shim.py), so that the schema and the queries are proven on 18.16 (the
# main run) and on current ClickHouse. Kafka, PostgreSQL and Redis are the
# local stack's. Extra arguments go to vitest (e.g. one file).
set -euo pipefail
cd "$(dirname "$0")/../../.."
CHDB_CORE_VERSION=26.9.0
data="${GOSIGHT_DATA:-$PWD/.gosight}"
venv="$data/chdb-venv"
port="${GOSIGHT_CURRENT_CLICKHOUSE_PORT:-18124}"

if ! "$venv/bin/python" -c "import chdb" 2>/dev/null; then
  echo "[current-clickhouse] installing chdb-core $CHDB_CORE_VERSION from PyPI into $venv"
  python3 -m venv "$venv"
  # pandas and pyarrow serve chDB's DataFrame API, which the shim does not use.
  "$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps "chdb-core==$CHDB_CORE_VERSION"
fi

store="$(mktemp -d "${TMPDIR:-/tmp}/gosight-chdb.XXXXXX")"
"$venv/bin/python" deploy/validate/current-clickhouse/http_shim.py --port "$port" --data "$store" &
shim=$!
stop_shim() {
  kill "$shim" 2>/dev/null || true
  wait "$shim" 2>/dev/null || true # its SIGTERM status must not become ours (set -e)
  rm -rf "$store"
}
trap stop_shim EXIT
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/ping" >/dev/null 2>&1 && break
  kill -0 "$shim" 2>/dev/null || { echo "[current-clickhouse] the shim did not start" >&2; exit 1; }
  sleep 0.2
done

# Every integration test of the API and the processor (they all read or write
# ClickHouse), but the outage test, which
# stops a private 18.16 server of its own. The ingestor never talks to ClickHouse.
mapfile -t files < <(grep -l -E "createTestInfra|clickhouse" --include='*.integration.test.ts' -r api processor common \
  | grep -v -e node_modules -e clickhouse-outage | sort)
if [ "$#" -gt 0 ]; then files=("$@"); fi
echo "[current-clickhouse] ${#files[@]} test files against $(curl -fsS -XPOST "http://127.0.0.1:$port/" --data 'SELECT version()') (chDB)"
GOSIGHT_CLICKHOUSE_URL="http://127.0.0.1:$port" npx vitest run "${files[@]}"
