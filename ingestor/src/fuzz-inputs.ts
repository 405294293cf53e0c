// Hostile request bodies for the ingest endpoint, built reproducibly from a
// seed with fast-check: random bytes, mutated and truncated valid batches,
// invalid UTF-8, bad gzip, wrong content types, oversized bodies and deeply
// nested or huge rrweb payloads, over every protocol the ingestor serves.
import { gzipSync } from 'node:zlib';
import { toBinary, toJson } from '@bufbuild/protobuf';
import { IngestBatchRequestSchema } from '@gosight/proto/v1/ingest_pb';
import fc from 'fast-check';
import { sampleBatch } from './test-harness.ts';

export type Protocol = 'connect-proto' | 'connect-json' | 'grpc-web' | 'grpc';

export interface FuzzInput {
  attack: string;
  protocol: Protocol;
  body: Uint8Array;
  // Overrides the protocol's content type (wrong content type attacks).
  contentType?: string;
  headers?: Record<string, string>;
  // For gRPC and gRPC-Web: the envelope is built by the caller unless raw.
  raw?: boolean;
  compressedFlag?: boolean;
}

export interface FuzzLimits {
  batchBytes: number;
  replayChunkBytes: number;
}

const PLACEHOLDER = 'UTF8SLOT';
const INVALID_UTF8 = [0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0xc0];
const encoder = new TextEncoder();

function validBinary(writeKey: string): Uint8Array {
  return toBinary(IngestBatchRequestSchema, sampleBatch(writeKey));
}

// Replaces the placeholder's bytes (same length) with invalid UTF-8.
function withInvalidUtf8(bytes: Uint8Array): Uint8Array {
  const marker = encoder.encode(PLACEHOLDER);
  const out = bytes.slice();
  for (let i = 0; i + marker.length <= out.length; i++) {
    if (marker.every((b, j) => out[i + j] === b)) out.set(INVALID_UTF8, i);
  }
  return out;
}

function invalidUtf8Batches(writeKey: string): Uint8Array[] {
  const at = (overrides: Parameters<typeof sampleBatch>[1]) =>
    withInvalidUtf8(toBinary(IngestBatchRequestSchema, sampleBatch(writeKey, overrides)));
  const now = BigInt(Date.now());
  return [
    at({ sessionId: PLACEHOLDER }),
    at({ page: { url: `https://x/${PLACEHOLDER}`, title: PLACEHOLDER } }),
    at({
      events: [
        {
          eventId: PLACEHOLDER,
          timestampMs: now,
          sequence: 1,
          kind: { case: 'click', value: { selector: PLACEHOLDER, tag: PLACEHOLDER, text: PLACEHOLDER } },
        },
      ],
    }),
  ];
}

function mutate(bytes: Uint8Array, edits: [number, number, number][]): Uint8Array {
  const out = Array.from(bytes);
  for (const [kind, position, value] of edits) {
    const at = position % Math.max(1, out.length);
    if (kind === 0) out[at] = value;
    else if (kind === 1) out.splice(at, 0, value);
    else out.splice(at, 1);
  }
  return Uint8Array.from(out);
}

function rrwebPayloads(writeKey: string, limits: FuzzLimits): Uint8Array[] {
  const chunk = (data: Uint8Array) =>
    toBinary(
      IngestBatchRequestSchema,
      sampleBatch(writeKey, {
        replayChunks: [{ sequence: 0, eventCount: 1, hasFullSnapshot: true, encoding: 1, data }],
      }),
    );
  const depth = 200_000;
  return [
    chunk(encoder.encode(`${'['.repeat(depth)}${']'.repeat(depth)}`)),
    chunk(encoder.encode(`${'{"a":'.repeat(depth / 10)}1${'}'.repeat(depth / 10)}`)),
    chunk(new Uint8Array(limits.replayChunkBytes + 1).fill(0x41)),
    chunk(gzipSync(new Uint8Array(limits.replayChunkBytes * 50).fill(0x20))),
  ];
}

// Connect JSON bodies: syntactically broken, deeply nested, wrong types.
function jsonBodies(writeKey: string): Uint8Array[] {
  const valid = toJson(IngestBatchRequestSchema, sampleBatch(writeKey)) as Record<string, unknown>;
  const text = JSON.stringify(valid);
  const nested = 100_000;
  return [
    text.slice(0, text.length / 2),
    `{"events":${'['.repeat(nested)}${']'.repeat(nested)}}`,
    `${'{"a":'.repeat(nested)}1${'}'.repeat(nested)}`,
    JSON.stringify({ ...valid, events: 'not a list' }),
    JSON.stringify({ ...valid, sentAtMs: 1e300 }),
    JSON.stringify({ ...valid, sessionId: '\ud800' }),
    'null',
    '[]',
  ].map((body) => encoder.encode(body));
}

export function fuzzInputs(writeKey: string, limits: FuzzLimits, seed: number, runs: number): FuzzInput[] {
  const valid = validBinary(writeKey);
  const binary: Protocol[] = ['connect-proto', 'grpc-web', 'grpc'];
  const every = (attack: string, body: Uint8Array, extra: Partial<FuzzInput> = {}) =>
    binary.map((protocol) => ({ attack, protocol, body, ...extra }));
  const sample = <T>(arb: fc.Arbitrary<T>, n: number) => fc.sample(arb, { seed, numRuns: n });
  const randomBodies = sample(fc.uint8Array({ maxLength: 4096 }), runs);
  const edits = fc.array(fc.tuple(fc.nat(2), fc.nat(), fc.nat(255)), { minLength: 1, maxLength: 8 });
  const mutated = sample(edits, runs).map((e) => mutate(valid, e));
  const cuts = sample(fc.nat(valid.length - 1), Math.max(4, runs / 4)).map((n) => valid.slice(0, n));
  const oversized = new Uint8Array(limits.batchBytes * 3).fill(0x0a);
  return [
    ...randomBodies.flatMap((body) => every('random bytes', body)),
    ...mutated.flatMap((body) => every('mutated valid batch', body)),
    ...cuts.flatMap((body) => every('truncated valid batch', body)),
    ...invalidUtf8Batches(writeKey).flatMap((body) => every('invalid UTF-8 in string fields', body)),
    ...rrwebPayloads(writeKey, limits).flatMap((body) => every('deep or huge rrweb payload', body)),
    ...every('oversized body', oversized),
    ...jsonBodies(writeKey).map(
      (body) => ({ attack: 'broken or nested JSON', protocol: 'connect-json', body }) as const,
    ),
    ...every('bad gzip', encoder.encode('definitely not gzip'), { compressedFlag: true }),
    ...every('gzip bomb', gzipSync(new Uint8Array(limits.batchBytes * 40)), { compressedFlag: true }),
    ...every('truncated envelope', Uint8Array.of(0, 0, 0, 1, 0, 1, 2), { raw: true }),
    ...(['text/html', 'application/xml', 'application/octet-stream', 'multipart/form-data', ''] as const).map(
      (contentType) => ({
        attack: 'wrong content type',
        protocol: 'connect-proto' as const,
        body: valid,
        contentType,
      }),
    ),
  ];
}
