import { toBinary } from '@bufbuild/protobuf';
import { eventually } from '@gosight/common/test-infra';
import { IngestBatchRequestSchema } from '@gosight/proto/v1/ingest_pb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Harness, sampleBatch, startHarness } from './test-harness.ts';

// A project's privacy settings (Settings → Privacy, stored in PostgreSQL)
// reach the ingestor through the write key's cached project settings.
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness('ingest_privacy', { trustedProxyHops: 1 });
});

afterAll(async () => {
  await harness?.stop();
});

async function send(batch: ReturnType<typeof sampleBatch>, clientIp: string) {
  const response = await fetch(`${harness.baseUrl}/gosight.v1.IngestService/IngestBatch`, {
    method: 'POST',
    headers: { 'content-type': 'application/proto', 'x-forwarded-for': clientIp },
    body: toBinary(IngestBatchRequestSchema, batch),
  });
  expect(response.status).toBe(200);
}

it('stores nothing from a blocked page, and acknowledges it so the SDK does not retry', async () => {
  const [projectId, key] = await harness.project();
  await harness.pool.query('UPDATE projects SET blocked_urls = $2 WHERE id = $1', [
    projectId,
    ['*/account/*', 'https://shop.example/admin'],
  ]);
  const blocked = sampleBatch(key, {
    page: { url: 'https://shop.example/account/cards', viewportWidth: 1280, viewportHeight: 720 },
  });
  const allowed = sampleBatch(key, { sessionId: blocked.sessionId });
  await send(blocked, '203.0.113.7');
  await send(allowed, '203.0.113.7');
  // Kafka keeps a session's batches in order: once the allowed one is there, the blocked one would be too.
  await harness.published(allowed.sessionId);
  const batchIds = harness.events.filter((r) => r.sessionId === blocked.sessionId).map((r) => r.batchId);
  expect(batchIds).toEqual([allowed.batchId]);
  const replayOf = () => harness.replay.filter((r) => r.sessionId === blocked.sessionId);
  await eventually(async () => replayOf().length > 0 || undefined, 15_000, 'the allowed replay chunk');
  expect(replayOf()).toHaveLength(1);
});

it('hashes visitor addresses without their host part when the project asks for it', async () => {
  const [plainProject, plainKey] = await harness.project();
  const [truncatingProject, truncatingKey] = await harness.project();
  await harness.pool.query('UPDATE projects SET truncate_ip = true WHERE id = $1', [truncatingProject]);
  const hashes = async (key: string) => {
    const first = sampleBatch(key);
    const second = sampleBatch(key);
    await send(first, '198.51.100.23');
    await send(second, '198.51.100.99');
    const a = await harness.published(first.sessionId);
    const b = await harness.published(second.sessionId);
    return [a.client?.ipHash, b.client?.ipHash];
  };
  const [plainA, plainB] = await hashes(plainKey);
  const [truncA, truncB] = await hashes(truncatingKey);
  expect(plainProject).not.toBe(truncatingProject);
  // Two hosts of one /24 network: distinct without truncation, one hash with it.
  expect(plainA).not.toBe(plainB);
  expect(truncA).toBe(truncB);
  expect(truncA).toMatch(/^[0-9a-f]{64}$/);
});
