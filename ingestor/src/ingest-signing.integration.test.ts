import { gzipSync } from 'node:zlib';
import { toBinary, toJsonString } from '@bufbuild/protobuf';
import { createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';
import { IngestBatchRequestSchema, IngestService } from '@gosight/proto/v1/ingest_pb';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatureHeaderValue } from './request-signature.ts';
import { type Harness, sampleBatch, startHarness } from './test-harness.ts';

// Server-side senders sign the raw body; the real ingestor checks it over
// Connect's HTTP protocol as a curl or Node sender would speak it.
const secret = 'signing-test-secret-0123456789abcdef';
let harness: Harness;
let requiredKey: string;
let optionalKey: string;

beforeAll(async () => {
  harness = await startHarness('ingest_signing');
  let projectId: string;
  [projectId, requiredKey] = await harness.project();
  await harness.pool.query(
    'UPDATE projects SET ingest_signing_secret = $2, ingest_signature_required = true WHERE id = $1',
    [projectId, secret],
  );
  [projectId, optionalKey] = await harness.project();
  await harness.pool.query('UPDATE projects SET ingest_signing_secret = $2 WHERE id = $1', [
    projectId,
    secret,
  ]);
});

afterAll(async () => {
  await harness?.stop();
});

async function post(body: Uint8Array, headers: Record<string, string>) {
  const response = await fetch(`${harness.baseUrl}/gosight.v1.IngestService/IngestBatch`, {
    method: 'POST',
    headers: { 'content-type': 'application/proto', ...headers },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    body: response.ok ? text : (JSON.parse(text) as { code: string; message: string }),
  };
}

const binary = (key: string) => {
  const batch = sampleBatch(key);
  return { batch, body: toBinary(IngestBatchRequestSchema, batch) };
};

describe('signed batches', () => {
  it('accepts a valid signature and publishes the batch', async () => {
    const { batch, body } = binary(requiredKey);
    const answer = await post(body, {
      'x-gosight-signature': signatureHeaderValue(secret, Date.now(), body),
    });
    expect(answer.status).toBe(200);
    expect((await harness.published(batch.sessionId)).events).toHaveLength(2);
  });

  it('keeps the signing secret out of Redis and still checks signatures once the key is served from there', async () => {
    const redis = new Redis(harness.infra.config.redisUrl);
    try {
      const cached = await redis.get(`gosight:write-key:${requiredKey}`);
      expect(cached).toContain('"signed":true');
      expect(cached).not.toContain(secret);
    } finally {
      redis.disconnect();
    }
    // Past the in-memory cache (1 s): the settings come from Redis, the secret from PostgreSQL.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const { batch, body } = binary(requiredKey);
    const answer = await post(body, {
      'x-gosight-signature': signatureHeaderValue(secret, Date.now(), body),
    });
    expect(answer.status).toBe(200);
    expect((await harness.published(batch.sessionId)).events).toHaveLength(2);
  });

  it('checks the signature over the body as sent, here gzip-compressed JSON', async () => {
    const batch = sampleBatch(requiredKey);
    const body = gzipSync(toJsonString(IngestBatchRequestSchema, batch));
    const answer = await post(body, {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      'x-gosight-signature': signatureHeaderValue(secret, Date.now(), body),
    });
    expect(answer.status).toBe(200);
    expect((await harness.published(batch.sessionId)).events).toHaveLength(2);
  });

  it.each([
    [
      'a wrong signature',
      (body: Uint8Array) => signatureHeaderValue('not-the-project-secret-0123456789abc', Date.now(), body),
      'signature does not match the request body and the project signing secret',
    ],
    [
      'a stale timestamp',
      (body: Uint8Array) => signatureHeaderValue(secret, Date.now() - 10 * 60_000, body),
      'signature timestamp is 600 s old; the limit is 300 s',
    ],
    [
      'a malformed header',
      () => 'sha256=abc',
      'header x-gosight-signature is malformed: expected t=<unix ms>,v1=<hex HMAC-SHA256 of t + "." + body>',
    ],
  ])('refuses %s with Unauthenticated', async (_, sign, message) => {
    const { batch, body } = binary(requiredKey);
    const answer = await post(body, { 'x-gosight-signature': sign(body) });
    expect(answer).toEqual({ status: 401, body: { code: 'unauthenticated', message } });
    expect(harness.events.some((record) => record.sessionId === batch.sessionId)).toBe(false);
  });

  it('refuses a body changed after signing', async () => {
    const { body } = binary(requiredKey);
    const header = signatureHeaderValue(secret, Date.now(), body);
    const answer = await post(binary(requiredKey).body, { 'x-gosight-signature': header });
    expect(answer.body).toMatchObject({
      code: 'unauthenticated',
      message: expect.stringContaining('does not match'),
    });
  });

  it('refuses an unsigned batch when the project requires signatures', async () => {
    const api = createClient(
      IngestService,
      createConnectTransport({ baseUrl: harness.baseUrl, httpVersion: '1.1' }),
    );
    await expect(api.ingestBatch(sampleBatch(requiredKey))).rejects.toMatchObject({
      code: 16,
      rawMessage: 'this project requires signed batches: header x-gosight-signature is missing',
    });
  });

  it('keeps unsigned browser traffic working for a project that does not require signatures', async () => {
    const api = createClient(
      IngestService,
      createConnectTransport({ baseUrl: harness.baseUrl, httpVersion: '1.1' }),
    );
    const response = await api.ingestBatch(sampleBatch(optionalKey), {
      headers: { origin: 'https://shop.example' },
    });
    expect(response.acceptedEvents).toBe(2);
  });

  it('counts signature rejections by reason', async () => {
    const text = await (await fetch(`${harness.baseUrl}/metrics`)).text();
    expect(text).toContain(
      'gosight_ingest_rejections_total{reason="signature_missing",service="ingestor"} 1',
    );
    expect(text).toContain('gosight_ingest_rejections_total{reason="signature_stale",service="ingestor"} 1');
    expect(text).toContain(
      'gosight_ingest_rejections_total{reason="signature_invalid",service="ingestor"} 3',
    );
  });
});
