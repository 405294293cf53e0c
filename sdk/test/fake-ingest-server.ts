import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
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
  // False when the server answered Unavailable on purpose.
  accepted: boolean;
}

export interface FakeIngestServer {
  url: string;
  batches: ReceivedBatch[];
  // Every request body as it arrived on the wire.
  bodies: Buffer[];
  // Answers the next n calls with Code.Unavailable.
  failNext(n: number): void;
  close(): Promise<void>;
}

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': cors.allowedMethods.join(', '),
  'access-control-allow-headers': cors.allowedHeaders.join(', '),
  'access-control-expose-headers': cors.exposedHeaders.join(', '),
  'access-control-max-age': '600',
};

// A real Connect server for IngestService (the router and protocol handling of
// @connectrpc/connect) on node:http, recording what it receives. connect-node
// is not a dependency of the sdk workspace, so the few lines that adapt node's
// request to the fetch API live here.
export async function startFakeIngestServer(): Promise<FakeIngestServer> {
  const batches: ReceivedBatch[] = [];
  const bodies: Buffer[] = [];
  let failures = 0;

  const router = createConnectRouter();
  router.service(IngestService, {
    ingestBatch(request) {
      const accepted = failures === 0;
      batches.push({ request, accepted });
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
      const body = await readBody(req);
      bodies.push(body);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(name, value);
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

  return {
    url: `http://127.0.0.1:${port}`,
    batches,
    bodies,
    failNext(n) {
      failures = n;
    },
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
