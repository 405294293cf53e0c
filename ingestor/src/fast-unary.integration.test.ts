// The fast path for binary unary calls (fast-unary.ts) must answer exactly as
// connect-es does. A deadline header sends the same call through connect-es
// (the fast path leaves calls with deadlines to it), so each case is asked
// both ways and the answers compared.
import http2 from 'node:http2';
import { toBinary } from '@bufbuild/protobuf';
import { IngestBatchRequestSchema } from '@gosight/proto/v1/ingest_pb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, sampleBatch, startHarness } from './test-harness.ts';

let harness: Harness;
let writeKey: string;
let limitedKey: string;
const path = '/gosight.v1.IngestService/IngestBatch';

beforeAll(async () => {
  harness = await startHarness('fast_unary');
  [, writeKey] = await harness.project();
  [, limitedKey] = await harness.project({ eventsPerSecond: 1, burst: 3 });
});

afterAll(async () => {
  await harness?.stop();
});

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

// Headers that differ between any two calls; retry-after only counts as present.
const varying = new Set(['date', 'connection', 'keep-alive']);

function kept(headers: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers)
      .filter(([name]) => !varying.has(name) && !name.startsWith(':'))
      .map(([name, value]) => [name, name === 'retry-after' ? 'present' : String(value)]),
  );
}

async function connectCall(body: Uint8Array, viaConnectEs: boolean): Promise<Answer> {
  const response = await fetch(`${harness.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/proto', ...(viaConnectEs && { 'connect-timeout-ms': '60000' }) },
    body,
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    headers: kept(Object.fromEntries(response.headers)),
    body: bytes.toString('base64'),
  };
}

function grpcCall(
  message: Uint8Array,
  viaConnectEs: boolean,
): Promise<Answer & { trailers: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    const session = http2.connect(harness.baseUrl);
    session.on('error', reject);
    const stream = session.request({
      ':method': 'POST',
      ':path': path,
      'content-type': 'application/grpc',
      te: 'trailers',
      ...(viaConnectEs && { 'grpc-timeout': '60S' }),
    });
    const envelope = Buffer.alloc(5 + message.length);
    envelope.writeUInt32BE(message.length, 1);
    envelope.set(message, 5);
    let status = 0;
    let headers: Record<string, string> = {};
    let trailers: Record<string, string> = {};
    const chunks: Buffer[] = [];
    stream.on('response', (h) => {
      status = Number(h[':status']);
      headers = kept(h);
    });
    stream.on('trailers', (t) => {
      trailers = kept(t);
    });
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      session.close();
      resolve({ status, headers, trailers, body: Buffer.concat(chunks).toString('base64') });
    });
    stream.on('error', reject);
    stream.end(envelope);
  });
}

// Fixed event ids, a fresh batch id per call: both calls get the same answer.
function batch(key: string, overrides: Parameters<typeof sampleBatch>[1] = {}) {
  const request = sampleBatch(key, overrides);
  request.events.forEach((event, i) => {
    event.eventId = `fixed-${i}`;
  });
  return () => {
    request.batchId = `${request.batchId.slice(0, 20)}-${Math.random().toString(36).slice(2)}`;
    return toBinary(IngestBatchRequestSchema, request);
  };
}

const cases: [string, () => () => Uint8Array][] = [
  ['an accepted batch', () => batch(writeKey)],
  [
    'a batch with one invalid event',
    () =>
      batch(writeKey, { events: [{ eventId: 'x', timestampMs: 0n, kind: { case: 'scroll', value: {} } }] }),
  ],
  ['an unknown key', () => batch('no-such-key')],
  ['an invalid batch', () => batch(writeKey, { sessionId: '' })],
];

describe('fast binary unary path', () => {
  it.each(cases)('answers %s over Connect as connect-es does', async (_, make) => {
    const next = make();
    const fast = await connectCall(next(), false);
    const slow = await connectCall(next(), true);
    expect(fast).toEqual(slow);
  });

  it.each(cases)('answers %s over gRPC as connect-es does', async (_, make) => {
    const next = make();
    const fast = await grpcCall(next(), false);
    const slow = await grpcCall(next(), true);
    expect(fast).toEqual(slow);
  });

  it('answers rate limiting with the same code and a retry-after on both paths', async () => {
    const next = batch(limitedKey);
    await connectCall(next(), false);
    const fast = await connectCall(next(), false);
    const slow = await connectCall(next(), true);
    expect(fast).toEqual(slow);
    expect(fast.status).toBe(429);
    expect(fast.headers['retry-after']).toBe('present');
    const grpcFast = await grpcCall(next(), false);
    const grpcSlow = await grpcCall(next(), true);
    expect(grpcFast).toEqual(grpcSlow);
    expect(grpcFast.trailers['grpc-status']).toBe('8');
    expect(grpcFast.trailers['retry-after']).toBe('present');
  });

  it('leaves a body it cannot decode to connect-es, which answers invalid_argument', async () => {
    const garbage = Uint8Array.from([0x0a, 0xff, 0xff]);
    const fast = await connectCall(garbage, false);
    expect(fast).toEqual(await connectCall(garbage, true));
    expect(JSON.parse(Buffer.from(fast.body, 'base64').toString()).code).toBe('invalid_argument');
    const grpcFast = await grpcCall(garbage, false);
    expect(grpcFast).toEqual(await grpcCall(garbage, true));
    expect(grpcFast.trailers['grpc-status']).toBe('3');
  });
});
