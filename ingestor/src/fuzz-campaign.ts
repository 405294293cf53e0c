// A fuzzing campaign against a running ingestor: hostile inputs from one
// project's key while another project ingests valid batches at the same time;
// afterwards the other project's events are counted on its Kafka topic.
import { toBinary } from '@bufbuild/protobuf';
import { eventually } from '@gosight/common/test-infra';
import { IngestBatchRequestSchema } from '@gosight/proto/v1/ingest_pb';
import { type FuzzLimits, fuzzInputs } from './fuzz-inputs.ts';
import { isFailure, sendFuzzInput } from './fuzz-send.ts';
import { type Harness, sampleBatch } from './test-harness.ts';

export interface FuzzTotals {
  tried: number;
  byOutcome: Record<string, number>;
  byAttack: Record<string, Record<string, number>>;
  // Inputs whose outcome is a failure (Internal/Unknown, timeout, reset), with their attack and protocol.
  failures: string[];
  healthyAfter: boolean;
  neighbourEventsAcknowledged: number;
  neighbourEventsPublished: number;
  // A valid batch sent with the hostile project's key but the neighbour's
  // session id was published under the hostile project, and every neighbour
  // record under the neighbour's: a write key writes to its own project only.
  keyBoundToProject: boolean;
}

export interface CampaignOptions {
  seed: number;
  runs: number;
  concurrency: number;
  limits: FuzzLimits;
  deadlineMs?: number;
}

async function neighbour(harness: Harness, writeKey: string, stop: () => boolean) {
  const sessions: string[] = [];
  let acknowledged = 0;
  while (!stop()) {
    const batch = sampleBatch(writeKey);
    const response = await fetch(`${harness.baseUrl}/gosight.v1.IngestService/IngestBatch`, {
      method: 'POST',
      headers: { 'content-type': 'application/proto', 'connect-protocol-version': '1' },
      body: toBinary(IngestBatchRequestSchema, batch),
      signal: AbortSignal.timeout(10_000),
    }).catch(() => undefined);
    await response?.arrayBuffer();
    if (response?.status === 200) {
      acknowledged += batch.events.length;
      sessions.push(batch.sessionId);
    } else await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { sessions, acknowledged };
}

async function keyStaysInItsProject(
  harness: Harness,
  hostileKey: string,
  neighbourSession: string,
  projects: { hostile: string; neighbour: string },
): Promise<boolean> {
  const hijack = sampleBatch(hostileKey, { sessionId: neighbourSession });
  await fetch(`${harness.baseUrl}/gosight.v1.IngestService/IngestBatch`, {
    method: 'POST',
    headers: { 'content-type': 'application/proto', 'connect-protocol-version': '1' },
    body: toBinary(IngestBatchRequestSchema, hijack),
    signal: AbortSignal.timeout(10_000),
  }).then((response) => response.arrayBuffer());
  const record = await eventually(
    async () => harness.events.find((r) => r.batchId === hijack.batchId),
    15_000,
    'the hijack batch',
  );
  const neighbourRecords = harness.events.filter(
    (r) => r.sessionId === neighbourSession && r.batchId !== hijack.batchId,
  );
  return (
    record.projectId === projects.hostile && neighbourRecords.every((r) => r.projectId === projects.neighbour)
  );
}

export async function runFuzzCampaign(harness: Harness, options: CampaignOptions): Promise<FuzzTotals> {
  const [hostileProject, hostileKey] = await harness.project({
    eventsPerSecond: 1_000_000,
    burst: 1_000_000,
  });
  const [neighbourProject, neighbourKey] = await harness.project({
    eventsPerSecond: 1_000_000,
    burst: 1_000_000,
  });
  const inputs = fuzzInputs(hostileKey, options.limits, options.seed, options.runs);
  const totals: FuzzTotals = {
    tried: 0,
    byOutcome: {},
    byAttack: {},
    failures: [],
    healthyAfter: false,
    neighbourEventsAcknowledged: 0,
    neighbourEventsPublished: 0,
    keyBoundToProject: false,
  };
  let done = false;
  const neighbourRun = neighbour(harness, neighbourKey, () => done);
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const input = inputs[next++]!;
      let outcome = await sendFuzzInput(harness.baseUrl, input, options.deadlineMs);
      // The server answers a body over the limit (by Content-Length or by the
      // hard cap while reading) at once and closes the connection; a client
      // still uploading may see the close instead of the error.
      if (outcome === 'connection error' && input.body.length > options.limits.batchBytes)
        outcome = 'connection closed (body over limit)';
      totals.tried++;
      totals.byOutcome[outcome] = (totals.byOutcome[outcome] ?? 0) + 1;
      const attack = totals.byAttack[input.attack] ?? {};
      attack[outcome] = (attack[outcome] ?? 0) + 1;
      totals.byAttack[input.attack] = attack;
      if (isFailure(outcome)) totals.failures.push(`${input.attack} over ${input.protocol}: ${outcome}`);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  done = true;
  const { sessions, acknowledged } = await neighbourRun;
  totals.neighbourEventsAcknowledged = acknowledged;
  const wanted = new Set(sessions);
  const published = () =>
    harness.events.filter((r) => wanted.has(r.sessionId)).reduce((sum, r) => sum + r.events.length, 0);
  await eventually(
    async () => published() >= acknowledged || undefined,
    15_000,
    'the neighbour events',
  ).catch(() => undefined);
  totals.neighbourEventsPublished = published();
  totals.keyBoundToProject = await keyStaysInItsProject(harness, hostileKey, sessions[0] ?? 'none', {
    hostile: hostileProject,
    neighbour: neighbourProject,
  });
  const health = await fetch(`${harness.baseUrl}/healthz`, { signal: AbortSignal.timeout(5_000) }).catch(
    () => undefined,
  );
  totals.healthyAfter = health?.status === 200;
  return totals;
}
