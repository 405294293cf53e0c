// Sends one hostile input to the ingestor, as raw bytes, and names the
// outcome: "ok" (complete or partial acceptance), a Connect code such as
// "invalid_argument", "http 415" (unsupported content type, as the Connect
// protocol prescribes), or a failure: "timeout" or "connection error".
import http from 'node:http';
import http2 from 'node:http2';
import type { FuzzInput } from './fuzz-inputs.ts';

const PATH = '/gosight.v1.IngestService/IngestBatch';
const GRPC_CODES = [
  'ok',
  'canceled',
  'unknown',
  'invalid_argument',
  'deadline_exceeded',
  'not_found',
  'already_exists',
  'permission_denied',
  'resource_exhausted',
  'failed_precondition',
  'aborted',
  'out_of_range',
  'unimplemented',
  'internal',
  'unavailable',
  'data_loss',
  'unauthenticated',
];

const FAILURES = new Set(['internal', 'unknown', 'timeout', 'connection error', 'data_loss']);

export function isFailure(outcome: string): boolean {
  return FAILURES.has(outcome.split(':', 1)[0]!);
}

function envelope(input: FuzzInput): Uint8Array {
  if (input.raw) return input.body;
  const out = new Uint8Array(5 + input.body.length);
  out[0] = input.compressedFlag ? 1 : 0;
  new DataView(out.buffer).setUint32(1, input.body.length);
  out.set(input.body, 5);
  return out;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function grpcName(status: string | null | undefined, message?: string | null): string {
  if (status === null || status === undefined) return 'no grpc-status';
  // An undecodable body answers invalid_argument (invalid-body-adapter.ts); an
  // internal is a failure, and its message says which.
  const code = GRPC_CODES[Number(status)] ?? `grpc-status ${status}`;
  return code === 'internal' && message ? `internal: ${safeDecode(message)}` : code;
}

// The status of a gRPC-Web response: in the headers (trailers-only) or in the
// trailer frame (flag 0x80) at the end of the body.
function grpcWebStatus(headers: Headers, body: Uint8Array): string {
  if (headers.get('grpc-status') !== null)
    return grpcName(headers.get('grpc-status'), headers.get('grpc-message'));
  let at = 0;
  while (at + 5 <= body.length) {
    const length = new DataView(body.buffer, body.byteOffset + at + 1, 4).getUint32(0);
    if (body[at]! & 0x80) {
      const trailer = new TextDecoder().decode(body.subarray(at + 5, at + 5 + length));
      return grpcName(
        /grpc-status:\s*(\d+)/i.exec(trailer)?.[1],
        /grpc-message:\s*(.*)/i.exec(trailer)?.[1]?.trim(),
      );
    }
    at += 5 + length;
  }
  return 'no grpc-status';
}

// One fresh connection per input: a connection the server closed after an
// early answer to an oversized body is never reused for the next input.
function post(baseUrl: string, headers: Record<string, string>, body: Uint8Array, deadlineMs: number) {
  return new Promise<{ status: number; headers: Headers; body: Uint8Array }>((resolve, reject) => {
    const request = http.request(
      `${baseUrl}${PATH}`,
      { method: 'POST', headers, agent: false },
      (response) => {
        const parts: Buffer[] = [];
        response.on('data', (part: Buffer) => parts.push(part));
        response.on('end', () => {
          const fields = new Headers();
          for (const [name, value] of Object.entries(response.headers))
            if (typeof value === 'string') fields.set(name, value);
          resolve({ status: response.statusCode ?? 0, headers: fields, body: Buffer.concat(parts) });
        });
        response.on('error', reject);
      },
    );
    request.setTimeout(deadlineMs, () => request.destroy(new DOMException('deadline', 'TimeoutError')));
    request.on('error', reject);
    request.end(body);
  });
}

async function sendHttp1(baseUrl: string, input: FuzzInput, deadlineMs: number): Promise<string> {
  const grpcWeb = input.protocol === 'grpc-web';
  const headers: Record<string, string> = {
    'content-type':
      input.contentType ??
      (grpcWeb
        ? 'application/grpc-web+proto'
        : input.protocol === 'connect-json'
          ? 'application/json'
          : 'application/proto'),
    ...(grpcWeb ? { 'x-grpc-web': '1' } : { 'connect-protocol-version': '1' }),
    ...(input.compressedFlag ? (grpcWeb ? { 'grpc-encoding': 'gzip' } : { 'content-encoding': 'gzip' }) : {}),
    ...input.headers,
  };
  const response = await post(baseUrl, headers, grpcWeb ? envelope(input) : input.body, deadlineMs);
  if (grpcWeb) return grpcWebStatus(response.headers, response.body);
  if (response.status === 200) return 'ok';
  try {
    const error = JSON.parse(new TextDecoder().decode(response.body)) as { code?: string; message?: string };
    if (!error.code) return `http ${response.status}`;
    return error.code === 'internal' && error.message ? `internal: ${error.message}` : error.code;
  } catch {
    return `http ${response.status}`;
  }
}

function sendGrpc(baseUrl: string, input: FuzzInput, deadlineMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const session = http2.connect(baseUrl);
    const timer = setTimeout(() => {
      session.destroy();
      reject(new DOMException('deadline', 'TimeoutError'));
    }, deadlineMs);
    const finish = (outcome: string) => {
      clearTimeout(timer);
      session.close();
      resolve(outcome);
    };
    session.on('error', (error) => {
      clearTimeout(timer);
      session.destroy();
      reject(error);
    });
    const stream = session.request({
      ':method': 'POST',
      ':path': PATH,
      'content-type': input.contentType ?? 'application/grpc+proto',
      te: 'trailers',
      ...(input.compressedFlag ? { 'grpc-encoding': 'gzip' } : {}),
      ...input.headers,
    });
    let status: string | undefined;
    let message: string | undefined;
    const read = (fields: http2.IncomingHttpHeaders) => {
      if (fields['grpc-status'] !== undefined) status = String(fields['grpc-status']);
      if (fields['grpc-message'] !== undefined) message = String(fields['grpc-message']);
    };
    stream.on('response', read);
    stream.on('trailers', read);
    stream.on('data', () => {});
    stream.on('end', () => finish(grpcName(status, message)));
    stream.on('error', (error) => {
      clearTimeout(timer);
      session.destroy();
      reject(error);
    });
    stream.end(envelope(input));
  });
}

export async function sendFuzzInput(baseUrl: string, input: FuzzInput, deadlineMs = 10_000): Promise<string> {
  try {
    return input.protocol === 'grpc'
      ? await sendGrpc(baseUrl, input, deadlineMs)
      : await sendHttp1(baseUrl, input, deadlineMs);
  } catch (error) {
    return error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'connection error';
  }
}
