// Fuzzes the ingest endpoint of a real ingestor (shared Kafka, Redis and
// PostgreSQL, private topics) and prints the totals: inputs tried, outcomes
// by attack, failures (Internal/Unknown, timeouts, resets), whether the
// process stayed up and whether a project ingesting at the same time lost
// events. Run: npx tsx bench/hostile/run.ts  (stack up; reads .gosight/env)
// GOSIGHT_HOSTILE_RUNS (inputs per generated attack, default 500) and
// GOSIGHT_HOSTILE_SEED (default 12) make a run reproducible. Writes its table
// into docs/reliability.md between the hostile-fuzz markers.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { intFrom } from '@gosight/common/env';
import { runFuzzCampaign } from '../../ingestor/src/fuzz-campaign.ts';
import { startHarness } from '../../ingestor/src/test-harness.ts';
import { writeDocSection } from './doc-section.ts';

function envFile(): Record<string, string> {
  try {
    const text = readFileSync(new URL('../../.gosight/env', import.meta.url), 'utf8');
    return Object.fromEntries(
      text
        .split('\n')
        .filter((line) => line.includes('='))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
  } catch {
    return {};
  }
}

const env = { ...envFile(), ...process.env };
Object.assign(process.env, env);
const runs = intFrom(env, 'GOSIGHT_HOSTILE_RUNS', 500, 1);
const seed = intFrom(env, 'GOSIGHT_HOSTILE_SEED', 12, 0);
// GOSIGHT_HOSTILE_WRITE_DOCS=0 prints only.
const writeDocs = env.GOSIGHT_HOSTILE_WRITE_DOCS !== '0';
const limits = {
  batchBytes: 64 * 1024,
  eventsPerBatch: 50,
  eventBytes: 4096,
  replayChunkBytes: 16 * 1024,
  replayChunksPerBatch: 4,
};

const harness = await startHarness('bench_hostile', {
  limits,
  ipRate: { perSecond: 1_000_000, burst: 1_000_000 },
});
const started = Date.now();
try {
  const totals = await runFuzzCampaign(harness, { seed, runs, concurrency: 8, limits, deadlineMs: 10_000 });
  const seconds = (Date.now() - started) / 1000;
  const outcomes = [...new Set(Object.values(totals.byAttack).flatMap((row) => Object.keys(row)))].sort();
  const lost = Math.max(0, totals.neighbourEventsAcknowledged - totals.neighbourEventsPublished);
  const lines = [
    `Measured on ${new Date().toISOString().slice(0, 10)} (1-minute load average ${(os.loadavg()[0] ?? 0).toFixed(1)}): ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ` +
      `one in-process ingestor on the shared Kafka, Redis and PostgreSQL (private topics), seed ${seed}, ` +
      `${runs} inputs per generated attack, 8 concurrent senders, 10 s deadline per request, ${seconds.toFixed(0)} s.`,
    '',
    `Command: \`GOSIGHT_HOSTILE_RUNS=${runs} GOSIGHT_HOSTILE_SEED=${seed} npx tsx bench/hostile/run.ts\``,
    '',
    `| attack (each over Connect binary, gRPC-Web and gRPC unless named) | ${outcomes.join(' | ')} |`,
    `| --- |${outcomes.map(() => ' ---: |').join('')}`,
    ...Object.entries(totals.byAttack).map(
      ([attack, row]) => `| ${attack} | ${outcomes.map((o) => row[o] ?? 0).join(' | ')} |`,
    ),
    `| **all** | ${outcomes.map((o) => `**${totals.byOutcome[o] ?? 0}**`).join(' | ')} |`,
    '',
    `- inputs tried: ${totals.tried}; failures (Unknown, Internal, timeout, reset): ${totals.failures.length}`,
    ...totals.failures.slice(0, 20).map((failure) => `  - ${failure}`),
    `- crashes: ${totals.healthyAfter ? 0 : 1} (GET /healthz after the run: ${totals.healthyAfter ? '200' : 'FAILED'})`,
    `- neighbour project ingesting during the run: ${totals.neighbourEventsAcknowledged} events acknowledged, ` +
      `${totals.neighbourEventsPublished} on its Kafka topic, lost ${lost}`,
    `- write key bound to its project (a batch with another project's session id is published under the key's project): ${totals.keyBoundToProject ? 'yes' : 'NO'}`,
  ];
  const text = lines.join('\n');
  console.log(text);
  if (writeDocs) {
    await writeDocSection(
      new URL('../../docs/reliability.md', import.meta.url).pathname,
      'hostile-fuzz',
      text,
    );
    console.log('\nwrote the hostile-fuzz part of docs/reliability.md');
  }
} finally {
  await harness.stop();
}
