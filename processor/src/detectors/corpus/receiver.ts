import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import {
  type IngestBatchRequest,
  IngestBatchRequestSchema,
  IngestBatchResponseSchema,
} from '@gosight/proto/v1/ingest_pb';

export interface ReceivedBatch {
  arrivalMs: number;
  request: IngestBatchRequest;
}

export interface CorpusServer {
  url: string;
  batches: ReceivedBatch[];
  close(): Promise<void>;
}

const PAGES = new URL('./pages/', import.meta.url);

// Serves the fixture pages (with the one-line snippet), the built SDK, and a
// minimal IngestService.IngestBatch (Connect unary, binary) that records what
// the SDK sends. Same origin for all, so no CORS is involved.
export async function startCorpusServer(sdkJs: string): Promise<CorpusServer> {
  const batches: ReceivedBatch[] = [];
  const snippet = `<script>(function(w,d,s,k){w.GoSight=w.GoSight||{q:[]};w.GoSight.q.push(['init',k]);var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=1;j.src='/sdk.js';f.parentNode.insertBefore(j,f);})(window,document,'script',{projectKey:'corpus',replay:false,compress:false,respectDoNotTrack:false});</script>`;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'POST' && url.pathname === '/gosight.v1.IngestService/IngestBatch') {
      let body = await readBody(req);
      if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
      const request = fromBinary(IngestBatchRequestSchema, body);
      batches.push({ arrivalMs: Date.now(), request });
      const response = create(IngestBatchResponseSchema, { acceptedEvents: request.events.length });
      res
        .writeHead(200, { 'content-type': 'application/proto' })
        .end(Buffer.from(toBinary(IngestBatchResponseSchema, response)));
      return;
    }
    if (url.pathname === '/sdk.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(sdkJs);
      return;
    }
    const page = url.pathname.slice(1);
    if (/^[a-z-]+\.html$/.test(page)) {
      try {
        const html = readFileSync(new URL(page, PAGES), 'utf8').replace('__SNIPPET__', snippet);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
        return;
      } catch {}
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    batches,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
