import { toBinary } from '@bufbuild/protobuf';
import { Code, ConnectError, createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';
import { eventually } from '@gosight/common/test-infra';
import { IngestBatchRequestSchema, IngestService } from '@gosight/proto/v1/ingest_pb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, sampleBatch, startHarness } from './test-harness.ts';

let harness: Harness;
let writeKey: string;
let nextIp = 1;

// Each test sends from its own address (X-Forwarded-For is trusted here), so
// the per-IP buckets of one test do not affect another.
function client(headers: Record<string, string> = {}) {
  const ip = `198.51.100.${nextIp++}`;
  return createClient(
    IngestService,
    createConnectTransport({
      baseUrl: harness.baseUrl,
      httpVersion: '1.1',
      interceptors: [
        (next) => (request) => {
          request.header.set('x-forwarded-for', ip);
          for (const [name, value] of Object.entries(headers)) request.header.set(name, value);
          return next(request);
        },
      ],
    }),
  );
}

async function failure(call: Promise<unknown>): Promise<ConnectError> {
  return ConnectError.from(
    await call.then(
      () => 'no error',
      (error: unknown) => error,
    ),
  );
}

beforeAll(async () => {
  harness = await startHarness('ingest_limits', {
    keyCacheSeconds: 3,
    trustedProxyHops: 1,
    ipRate: { perSecond: 1, burst: 4 },
    limits: {
      batchBytes: 64 * 1024,
      eventsPerBatch: 20,
      eventBytes: 512,
      replayChunkBytes: 2048,
      replayChunksPerBatch: 3,
    },
  });
  [, writeKey] = await harness.project();
});

afterAll(async () => {
  await harness?.stop();
});

describe('write keys', () => {
  it('refuses an unknown key with Unauthenticated', async () => {
    const error = await failure(client().ingestBatch(sampleBatch('gs_no_such_key')));
    expect(error.code).toBe(Code.Unauthenticated);
    expect(error.rawMessage).toBe('unknown or revoked project key');
  });

  it('stops accepting a revoked key within the key cache time', async () => {
    const [, key] = await harness.project();
    const api = client();
    expect((await api.ingestBatch(sampleBatch(key))).acceptedEvents).toBe(2);
    await harness.pool.query('UPDATE project_keys SET revoked_at = now() WHERE key = $1', [key]);
    const revokedAt = Date.now();
    const error = await eventually(
      async () => {
        const result = await failure(api.ingestBatch(sampleBatch(key)));
        return result.code === Code.Unauthenticated ? result : undefined;
      },
      5_000,
      'the revoked key to be refused',
    );
    expect(error.rawMessage).toBe('unknown or revoked project key');
    // Bound by configuration (3 s here, 10 s by default), plus one polling interval.
    expect(Date.now() - revokedAt).toBeLessThan(3_000 + 1_000);
  });
});

describe('origins', () => {
  it('refuses a browser origin the project does not allow with PermissionDenied', async () => {
    const [, key] = await harness.project({ allowedOrigins: ['https://shop.example'] });
    const error = await failure(client({ origin: 'https://evil.example' }).ingestBatch(sampleBatch(key)));
    expect(error.code).toBe(Code.PermissionDenied);
    expect(error.rawMessage).toBe('origin https://evil.example is not allowed for this project');
    const ok = await client({ origin: 'https://shop.example' }).ingestBatch(sampleBatch(key));
    expect(ok.acceptedEvents).toBe(2);
  });
});

describe('rate limits', () => {
  it('answers ResourceExhausted with a retry-after when a project exceeds its events per second', async () => {
    const [, key] = await harness.project({ eventsPerSecond: 2, burst: 4 });
    const api = client();
    expect((await api.ingestBatch(sampleBatch(key))).acceptedEvents).toBe(2);
    const error = await failure(api.ingestBatch(sampleBatch(key)));
    expect(error.code).toBe(Code.ResourceExhausted);
    expect(error.rawMessage).toBe('rate limit exceeded for this project; retry after 1 s');
    expect(error.metadata.get('retry-after')).toBe('1');
  });

  it('answers ResourceExhausted with a retry-after when one client address sends too many requests', async () => {
    const api = client();
    for (let i = 0; i < 4; i++) await api.ingestBatch(sampleBatch(writeKey, { replayChunks: [] }));
    const error = await failure(api.ingestBatch(sampleBatch(writeKey)));
    expect(error.code).toBe(Code.ResourceExhausted);
    expect(error.rawMessage).toBe('rate limit exceeded for this client address; retry after 1 s');
    expect(error.metadata.get('retry-after')).toBe('1');
    // Another address is not affected.
    expect((await client().ingestBatch(sampleBatch(writeKey))).acceptedEvents).toBe(2);
  });
});

describe('payload limits', () => {
  it('refuses more events per batch than allowed, naming the limit and the size', async () => {
    const request = sampleBatch(writeKey);
    const template = request.events[1]!;
    request.events = Array.from({ length: 21 }, (_, i) => ({ ...template, eventId: `ev-${i}`, sequence: i }));
    const error = await failure(client().ingestBatch(request));
    expect(error.code).toBe(Code.ResourceExhausted);
    expect(error.rawMessage).toBe('batch has 21 events; the limit is 20 events per batch');
  });

  it('refuses more replay chunks per batch than allowed', async () => {
    const request = sampleBatch(writeKey);
    const chunk = request.replayChunks[0]!;
    request.replayChunks = [0, 1, 2, 3].map((sequence) => ({ ...chunk, sequence }));
    const error = await failure(client().ingestBatch(request));
    expect(error.code).toBe(Code.ResourceExhausted);
    expect(error.rawMessage).toBe('batch has 4 replay chunks; the limit is 3 per batch');
  });

  it('refuses a replay chunk larger than allowed', async () => {
    const request = sampleBatch(writeKey);
    request.replayChunks[0]!.data = new Uint8Array(3000).fill(65);
    const error = await failure(client().ingestBatch(request));
    expect(error.code).toBe(Code.ResourceExhausted);
    expect(error.rawMessage).toBe(
      'replay_chunks[0].data is 3000 bytes; the limit is 2048 bytes per replay chunk',
    );
  });

  it('rejects only an event larger than allowed', async () => {
    const request = sampleBatch(writeKey);
    const click = request.events[1]!;
    if (click.kind.case === 'click') click.kind.value.text = 'x'.repeat(600);
    const response = await client().ingestBatch(request);
    expect(response.acceptedEvents).toBe(1);
    expect(response.rejectedEvents).toHaveLength(1);
    expect(response.rejectedEvents[0]).toMatchObject({ index: 1, field: 'events[1]' });
    expect(response.rejectedEvents[0]?.reason).toMatch(/^is 6\d\d bytes; the limit is 512 bytes per event$/);
  });

  it('refuses a request body larger than allowed, naming the limit and the size', async () => {
    const request = sampleBatch(writeKey);
    request.replayChunks[0]!.data = new Uint8Array(70_000).fill(66);
    const body = toBinary(IngestBatchRequestSchema, request);
    // As a browser sends it: with a Content-Length.
    const response = await fetch(`${harness.baseUrl}/gosight.v1.IngestService/IngestBatch`, {
      method: 'POST',
      headers: { 'content-type': 'application/proto', 'x-forwarded-for': '198.51.100.200' },
      body,
    });
    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({
      code: 'resource_exhausted',
      message: `request body is ${body.length} bytes; the limit is 65536 bytes per batch`,
    });
  });

  it('stops reading a body without Content-Length at twice the limit', async () => {
    const request = sampleBatch(writeKey);
    request.replayChunks[0]!.data = new Uint8Array(140_000).fill(66);
    const error = await failure(client().ingestBatch(request));
    expect(error.code).toBe(Code.ResourceExhausted);
    expect(error.rawMessage).toMatch(/larger than configured readMaxBytes 131072$/);
  });
});
