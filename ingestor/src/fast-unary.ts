import { Code, ConnectError, type ContextValues } from '@connectrpc/connect';
import type { NodeRequest, NodeResponse } from './unary-answers.ts';
import { answerConnect, answerGrpc, header } from './unary-answers.ts';

// What a handler may ask of a request: HandlerContext has both.
export interface UnaryContext {
  requestHeader: { get(name: string): string | null };
  values: ContextValues;
}

export interface FastUnaryOptions<I> {
  // The one method served, e.g. "/gosight.v1.IngestService/IngestBatch".
  path: string;
  readMaxBytes: number;
  contextValues: (request: NodeRequest) => ContextValues;
  // Throws on bytes it cannot decode: connect-es then answers them.
  decode: (bytes: Uint8Array) => I;
  // Answers the encoded response, or throws a ConnectError.
  handle: (input: I, context: UnaryContext) => Promise<Uint8Array>;
  // connect-es's handler, for every request this one does not serve.
  fallback: (request: NodeRequest, response: NodeResponse, values: ContextValues) => void;
}

// connect-es serves a unary call through its general streaming machinery: a
// URL, three Headers, linked AbortControllers (and a DOMException when each
// call ends), async iterables per gRPC message. That cost about as much CPU as
// the ingestor's own work per batch. This serves the common case, a POST with
// an uncompressed binary body over Connect or gRPC and no deadline, directly;
// the responses are what connect-es writes (same status, headers, trailers,
// error JSON). Anything else, including a body that does not decode, goes to
// connect-es with the body it already read replayed, so its answers stay exact.
export function createFastUnary<I>(options: FastUnaryOptions<I>) {
  return (request: NodeRequest, response: NodeResponse) => {
    const values = options.contextValues(request);
    const protocol = request.url === options.path ? protocolOf(request) : undefined;
    if (protocol === undefined) {
      options.fallback(request, response, values);
      return;
    }
    serve(options, protocol, request, response, values).catch(() => {
      // The client went away or the response could not be written: nothing left to answer.
    });
  };
}

async function serve<I>(
  options: FastUnaryOptions<I>,
  protocol: 'connect' | 'grpc',
  request: NodeRequest,
  response: NodeResponse,
  values: ContextValues,
) {
  // Over gRPC the limit applies to the message, after its 5-byte envelope header.
  const body = await readBody(request, options.readMaxBytes + (protocol === 'grpc' ? 5 : 0));
  const message = body.rest ? undefined : unwrap(protocol, body.chunks);
  let input: I | undefined;
  try {
    if (message) input = options.decode(message);
  } catch {
    input = undefined;
  }
  if (input === undefined) {
    replayBody(request, body.chunks, body.rest);
    options.fallback(request, response, values);
    return;
  }
  const context: UnaryContext = { requestHeader: { get: (name) => header(request, name) }, values };
  let output: Uint8Array | undefined;
  let error: ConnectError | undefined;
  try {
    output = await options.handle(input, context);
  } catch (e) {
    error =
      e instanceof ConnectError
        ? e
        : new ConnectError('internal error', Code.Internal, undefined, undefined, e);
  }
  if (protocol === 'connect') await answerConnect(request, response, output, error);
  else await answerGrpc(request, response, output, error);
}

function protocolOf(request: NodeRequest): 'connect' | 'grpc' | undefined {
  if (request.method !== 'POST') return undefined;
  const { headers } = request;
  const type = headers['content-type'];
  if (type === 'application/proto')
    return identity(headers['content-encoding']) && headers['connect-timeout-ms'] === undefined
      ? 'connect'
      : undefined;
  if ((type === 'application/grpc' || type === 'application/grpc+proto') && 'stream' in request)
    return identity(headers['grpc-encoding']) && headers['grpc-timeout'] === undefined ? 'grpc' : undefined;
  return undefined;
}

const identity = (encoding: string | string[] | undefined) =>
  encoding === undefined || encoding === 'identity';

interface Body {
  chunks: Uint8Array[];
  // Set when the body was longer than allowed: the part not read yet.
  rest: AsyncIterator<Uint8Array> | undefined;
}

// Reads the body (through any iterator request-facts.ts installed). The
// iterator is not closed early, so that an oversized body can be replayed.
async function readBody(request: NodeRequest, maxBytes: number): Promise<Body> {
  const iterator = (request as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const next = await iterator.next();
    if (next.done) return { chunks, rest: undefined };
    chunks.push(next.value);
    length += next.value.length;
    if (length > maxBytes) return { chunks, rest: iterator };
  }
}

function replayBody(request: NodeRequest, chunks: Uint8Array[], rest: AsyncIterator<Uint8Array> | undefined) {
  Object.defineProperty(request, Symbol.asyncIterator, {
    configurable: true,
    value: async function* () {
      yield* chunks;
      for (let next = await rest?.next(); next && !next.done; next = await rest?.next()) yield next.value;
    },
  });
}

// The message: the whole body over Connect; over gRPC the payload of exactly
// one uncompressed envelope. undefined for anything else.
function unwrap(protocol: 'connect' | 'grpc', chunks: Uint8Array[]): Uint8Array | undefined {
  const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  if (protocol === 'connect') return bytes;
  if (bytes.length < 5 || bytes[0] !== 0) return undefined;
  const length = new DataView(bytes.buffer, bytes.byteOffset, 5).getUint32(1);
  return bytes.length === 5 + length ? bytes.subarray(5) : undefined;
}
