// Fuzzes the ingest endpoint of a real ingestor (real Kafka, Redis and
// PostgreSQL) with a fast subset of bench/hostile: every input gets a precise
// Connect error or an acceptance, the process stays up, and a project
// ingesting at the same time loses nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runFuzzCampaign } from './fuzz-campaign.ts';
import { type Harness, startHarness } from './test-harness.ts';

const limits = {
  batchBytes: 64 * 1024,
  eventsPerBatch: 50,
  eventBytes: 4096,
  replayChunkBytes: 16 * 1024,
  replayChunksPerBatch: 4,
};
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness('ingest_fuzz', { limits, ipRate: { perSecond: 100_000, burst: 100_000 } });
});

afterAll(async () => {
  await harness?.stop();
});

it('answers hostile inputs with precise errors while another project loses nothing', async () => {
  const totals = await runFuzzCampaign(harness, {
    seed: 12,
    runs: 40,
    concurrency: 4,
    limits,
    deadlineMs: 10_000,
  });
  expect(totals.failures).toEqual([]);
  // Undecodable bodies are the client's mistake on every protocol (invalid-body-adapter.ts).
  expect(totals.byOutcome.invalid_argument ?? 0).toBeGreaterThan(totals.tried / 2);
  expect(totals.tried).toBeGreaterThan(300);
  expect(Object.keys(totals.byOutcome).every((outcome) => !outcome.startsWith('no grpc-status'))).toBe(true);
  expect(totals.healthyAfter).toBe(true);
  expect(totals.neighbourEventsAcknowledged).toBeGreaterThan(0);
  expect(totals.neighbourEventsPublished).toBe(totals.neighbourEventsAcknowledged);
  expect(totals.keyBoundToProject).toBe(true);
}, 60_000);
