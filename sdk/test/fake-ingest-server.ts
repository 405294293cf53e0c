import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { create } from '@bufbuild/protobuf';
import { Code, ConnectError, cors, createConnectRouter } from '@connectrpc/connect';
import { createFetchHandler } from '@connectrpc/connect/protocol';
import {
  type IngestBatchRequest,
  IngestBatchResponseSchema,
  IngestService,
} from '@gosight/proto/v1/ingest_pb';

export interface ReceivedBatch {
  request: IngestBatchRequest;
  // False when the server answered with an error on purpose.
  accepted: boolean;
  // Whether the body came gzipped (Content-Encoding: gzip).
  gzipped: boolean;
}

// How the next calls fail: a Connect Unavailable error, a bare HTTP 503 with
// Retry-After (a proxy's), or a dropped connection (the network).
export type Failure = 'unavailable' | 'http-503' | 'drop';

export interface FakeIngestServer {
  url: string;
  batches: ReceivedBatch[];
  // Every request body as it arrived on the wire (decompressed).
  bodies: Buffer[];
  // Calls answered with a bare 503 or a dropped connection.
  refused: number;
  failNext(n: number, how?: Failure): void;
  close(): Promise<void>;
}

const corsHeaders = (allowContentEncoding: boolean) => ({
  'access-control-allow-origin': '*',
  'access-control-allow-methods': cors.allowedMethods.join(', '),
  'access-control-allow-headers': [
    ...cors.allowedHeaders,
    ...(allowContentEncoding ? ['Content-Encoding'] : []),
  ].join(', '),
  'access-control-expose-headers': [...cors.exposedHeaders, 'Retry-After'].join(', '),
  'access-control-max-age': '600',
});

// A real Connect server for IngestService (the router and protocol handling of
// @connectrpc/connect) on node:http, recording what it receives. connect-node
// is not a dependency of the sdk workspace, so the few lines that adapt node's
// request to the fetch API (and gunzip a compressed body) live here.
// refuseGzip: a server (or a CORS policy, in browsers that check it for
// Content-Encoding) that fails every gzipped call at the network level. Its
// preflight answers as @connectrpc/connect's default list does.
export async function startFakeIngestServer({ refuseGzip = false } = {}): Promise<FakeIngestServer> {
  const CORS_HEADERS = corsHeaders(!refuseGzip);
  const batches: ReceivedBatch[] = [];
  const bodies: Buffer[] = [];
  let failures = 0;
  let failure: Failure = 'unavailable';

  const router = createConnectRouter();
  router.service(IngestService, {
    ingestBatch(request, context) {
      const accepted = failures === 0;
      batches.push({ request, accepted, gzipped: context.requestHeader.get('x-test-gzipped') === '1' });
      if (!accepted) {
        failures--;
        throw new ConnectError('ingestor unavailable (test)', Code.Unavailable);
      }
      return create(IngestBatchResponseSchema, {
        acceptedEvents: request.events.length,
        acceptedReplayChunks: request.replayChunks.length,
      });
    },
  });
  const handlers = new Map(
    router.handlers.map((handler) => [handler.requestPath, createFetchHandler(handler)]),
  );

  const server = createServer(async (req, res) => {
    try {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, CORS_HEADERS).end();
        return;
      }
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      const handler = handlers.get(url.pathname);
      if (!handler) {
        res.writeHead(404, CORS_HEADERS).end();
        return;
      }
      if (failures > 0 && failure !== 'unavailable') {
        failures--;
        api.refused++;
        if (failure === 'drop') {
          req.socket.destroy();
          return;
        }
        res.writeHead(503, { ...CORS_HEADERS, 'content-type': 'text/plain', 'retry-after': '1' }).end('down');
        return;
      }
      const gzipped = req.headers['content-encoding'] === 'gzip';
      if (gzipped && refuseGzip) {
        api.refused++;
        req.socket.destroy();
        return;
      }
      const raw = await readBody(req);
      const body = gzipped ? gunzipSync(raw) : raw;
      bodies.push(body);
      const headers = new Headers({ 'x-test-gzipped': gzipped ? '1' : '0' });
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string' && name !== 'content-encoding' && name !== 'content-length') {
          headers.set(name, value);
        }
      }
      const response = await handler(
        new Request(url, { method: req.method, headers, body: new Uint8Array(body) }),
      );
      res.writeHead(response.status, { ...Object.fromEntries(response.headers), ...CORS_HEADERS });
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      res.writeHead(500, CORS_HEADERS).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const api: FakeIngestServer = {
    url: `http://127.0.0.1:${port}`,
    batches,
    bodies,
    refused: 0,
    failNext(n, how = 'unavailable') {
      failures = n;
      failure = how;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return api;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
