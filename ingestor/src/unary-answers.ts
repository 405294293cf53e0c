import type http from 'node:http';
import type http2 from 'node:http2';
import type { ConnectError } from '@connectrpc/connect';
import { codeToHttpStatus, errorToJsonBytes } from '@connectrpc/connect/protocol-connect';
import { setTrailerStatus } from '@connectrpc/connect/protocol-grpc';
import { compressionBrotli, compressionGzip } from '@connectrpc/connect-node';

// The answers of fast-unary.ts, written as connect-es writes them (its unary
// Connect handler and its gRPC handler with connect-node's response adapter).

export type NodeRequest = http.IncomingMessage | http2.Http2ServerRequest;
export type NodeResponse = http.ServerResponse | http2.Http2ServerResponse;

export function header(request: NodeRequest, name: string): string | null {
  const value = request.headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

// connect-es compresses responses from 1 KiB (compressMinBytes) when the client accepts it.
const COMPRESS_MIN_BYTES = 1024;

function responseCompression(accepted: string | null) {
  const names = (accepted ?? '').split(',').map((name) => name.trim());
  return names.find((name) => name === 'gzip' || name === 'br') === 'gzip'
    ? compressionGzip
    : names.includes('br')
      ? compressionBrotli
      : undefined;
}

export async function answerConnect(
  request: NodeRequest,
  response: NodeResponse,
  output: Uint8Array | undefined,
  error: ConnectError | undefined,
) {
  const headers: Record<string, string | string[]> = {};
  let body: Uint8Array;
  if (error) {
    error.metadata.forEach((value, key) => {
      headers[key] = value;
    });
    headers['content-type'] = 'application/json';
    body = errorToJsonBytes(error, undefined);
  } else {
    headers['content-type'] = 'application/proto';
    body = output!;
  }
  const compression = responseCompression(header(request, 'accept-encoding'));
  if (compression && body.length >= COMPRESS_MIN_BYTES) {
    body = await compression.compress(body);
    headers['content-encoding'] = compression.name;
  }
  headers['content-length'] = String(body.length);
  (response as http.ServerResponse).writeHead(error ? codeToHttpStatus(error.code) : 200, headers);
  response.end(body);
}

export async function answerGrpc(
  request: NodeRequest,
  response: NodeResponse,
  output: Uint8Array | undefined,
  error: ConnectError | undefined,
) {
  const headers: Record<string, string> = { 'content-type': 'application/grpc+proto' };
  const compression = responseCompression(header(request, 'grpc-accept-encoding'));
  if (compression) headers['grpc-encoding'] = compression.name;
  const trailers: Record<string, string> = {};
  setTrailerStatus(new Headers(), error).forEach((value, key) => {
    trailers[key] = value;
  });
  (response as http2.Http2ServerResponse).writeHead(200, headers);
  response.addTrailers(trailers);
  if (!output) {
    response.end();
    return;
  }
  let message = output;
  const compress = compression !== undefined && message.length >= COMPRESS_MIN_BYTES;
  if (compress) message = await compression.compress(message);
  const envelope = Buffer.allocUnsafe(5 + message.length);
  envelope[0] = compress ? 1 : 0;
  envelope.writeUInt32BE(message.length, 1);
  envelope.set(message, 5);
  response.end(envelope);
}
