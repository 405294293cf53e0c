import type http from 'node:http';
import type http2 from 'node:http2';
import type { ContextValues } from '@connectrpc/connect';
import { type ConnectRouter, type ConnectRouterOptions, createConnectRouter } from '@connectrpc/connect';
import { readAllBytes, type UniversalServerResponse } from '@connectrpc/connect/protocol';
import {
  compressionBrotli,
  compressionGzip,
  universalRequestFromNodeRequest,
  universalResponseToNodeResponse,
} from '@connectrpc/connect-node';

// connect-es answers a binary request body it cannot decode with `internal`
// ("parse binary: ...", from its serialization), where an undecodable JSON body
// gets `invalid_argument`. The body is the client's mistake, and clients retry
// or report by the code, so this Node handler serves the router like
// connect-node's adapter does and answers such a request `invalid_argument`
// over Connect, gRPC and gRPC-Web alike.

const PARSE_BINARY = 'parse binary';
const GRPC_INTERNAL = '13';
const GRPC_INVALID_ARGUMENT = '3';

export interface InvalidBodyAdapterOptions extends ConnectRouterOptions {
  routes: (router: ConnectRouter) => void;
  contextValues?: (request: http.IncomingMessage | http2.Http2ServerRequest) => ContextValues;
}

export function createNodeHandler(options: InvalidBodyAdapterOptions) {
  const router = createConnectRouter({ acceptCompression: [compressionGzip, compressionBrotli], ...options });
  options.routes(router);
  const handlers = new Map(router.handlers.map((handler) => [handler.requestPath, handler]));
  return (
    request: http.IncomingMessage | http2.Http2ServerRequest,
    response: http.ServerResponse | http2.Http2ServerResponse,
    // Context values made already (fast-unary.ts); by default made here.
    values?: ContextValues,
  ) => {
    const handler = handlers.get(request.url?.split('?', 1)[0] ?? '');
    if (!handler) {
      response.writeHead(404);
      response.end();
      return;
    }
    const universal = universalRequestFromNodeRequest(
      request,
      response,
      undefined,
      values ?? options.contextValues?.(request),
    );
    handler(universal)
      .then(invalidBodyAsInvalidArgument)
      .then((answer) => universalResponseToNodeResponse(answer, response))
      .catch(() => {
        // The client went away or the response could not be written: nothing left to answer.
      });
  };
}

async function invalidBodyAsInvalidArgument(
  answer: UniversalServerResponse,
): Promise<UniversalServerResponse> {
  const contentType = answer.header?.get('content-type') ?? '';
  if (contentType.startsWith('application/grpc-web')) return grpcWebAnswer(answer);
  if (contentType.startsWith('application/grpc')) {
    for (const headers of [answer.header, answer.trailer]) {
      if (headers?.get('grpc-status') === GRPC_INTERNAL && isParseBinary(headers.get('grpc-message')))
        headers.set('grpc-status', GRPC_INVALID_ARGUMENT);
    }
    return answer;
  }
  // Connect unary: an error is a JSON body with a non-200 status.
  if (answer.status === 200 || !contentType.startsWith('application/json') || answer.body === undefined)
    return answer;
  const bytes =
    answer.body instanceof Uint8Array
      ? answer.body
      : Symbol.asyncIterator in Object(answer.body)
        ? await readAllBytes(answer.body as AsyncIterable<Uint8Array>, Number.MAX_SAFE_INTEGER)
        : new TextEncoder().encode(JSON.stringify(answer.body));
  const error = parseJson(bytes);
  if (error?.code !== 'internal' || !isParseBinary(error.message)) return { ...answer, body: once(bytes) };
  const body = new TextEncoder().encode(JSON.stringify({ code: 'invalid_argument', message: error.message }));
  answer.header?.set('content-length', String(body.length));
  return { ...answer, status: 400, body: once(body) };
}

async function grpcWebAnswer(answer: UniversalServerResponse): Promise<UniversalServerResponse> {
  if (!answer.body || !(Symbol.asyncIterator in Object(answer.body))) return answer;
  const bytes = await readAllBytes(answer.body as AsyncIterable<Uint8Array>, Number.MAX_SAFE_INTEGER);
  // The trailers travel as the last frame: flag 0x80, 4-byte length, "name:value\r\n" lines.
  let offset = 0;
  while (offset + 5 <= bytes.length) {
    const length = new DataView(bytes.buffer, bytes.byteOffset + offset + 1, 4).getUint32(0);
    if (bytes[offset]! & 0x80) {
      const text = new TextDecoder().decode(bytes.subarray(offset + 5, offset + 5 + length));
      const message = /grpc-message:\s*([^\r\n]*)/i.exec(text)?.[1];
      if (/grpc-status:\s*13\b/i.test(text) && isParseBinary(message)) {
        const fixed = new TextEncoder().encode(
          text.replace(/grpc-status:\s*13\b/i, `grpc-status: ${GRPC_INVALID_ARGUMENT}`),
        );
        const frame = new Uint8Array(5 + fixed.length);
        frame[0] = bytes[offset]!;
        new DataView(frame.buffer).setUint32(1, fixed.length);
        frame.set(fixed, 5);
        const out = new Uint8Array(offset + frame.length);
        out.set(bytes.subarray(0, offset));
        out.set(frame, offset);
        return { ...answer, body: once(out) };
      }
    }
    offset += 5 + length;
  }
  return { ...answer, body: once(bytes) };
}

function isParseBinary(message: string | null | undefined): boolean {
  if (!message) return false;
  try {
    return decodeURIComponent(message).startsWith(PARSE_BINARY);
  } catch {
    return message.startsWith(PARSE_BINARY);
  }
}

function parseJson(bytes: Uint8Array): { code?: string; message?: string } | undefined {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as { code?: string; message?: string };
  } catch {
    return undefined;
  }
}

async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}
