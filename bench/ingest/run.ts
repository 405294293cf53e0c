// Ingest benchmark: acknowledged events/s (closed loop) and acknowledgement
// latency at fixed rates (open loop), against the shared stack on private
// topics. Run: npx tsx bench/ingest/run.ts  (stack up; reads .gosight/env)
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { intFrom } from '@gosight/common/env';
import { createPostgres } from '@gosight/common/postgres';
import { ensureProject } from '@gosight/common/projects';
import { createTestInfra, uniqueId } from '@gosight/common/test-infra';
import { ingestorConfigFrom } from '../../ingestor/src/config.ts';
import { startIngestor } from '../../ingestor/src/ingestor.ts';
import type { LoadResult, LoadTask } from './load-worker.ts';

const env = { ...envFile(), ...process.env };
const batchSize = 50;
const closedSeconds = intFrom(env, 'GOSIGHT_BENCH_CLOSED_S', 20, 1);
const openSeconds = intFrom(env, 'GOSIGHT_BENCH_OPEN_S', 15, 1);
const clients = intFrom(env, 'GOSIGHT_BENCH_CLIENTS', 32, 1);
const rates = [2_000, 10_000];

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

// CPU time of this process's main thread (the ingestor's event loop), ms,
// from Linux's per-thread accounting; the load worker is a separate thread.
function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summary(result: LoadResult) {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  return {
    eventsPerSecond: (result.ackedEvents * 1000) / result.elapsedMs,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    batches: sorted.length,
    failures: result.failures,
    errors: Object.entries(result.errors)
      .map(([code, count]) => `${count} ${code}`)
      .join(', '),
  };
}

const log = (line: string) => console.log(`[bench:ingest] ${line}`);
const infra = await createTestInfra('bench_ingest');
const pool = createPostgres(infra.config.postgresUrl, 1);
const projectId = uniqueId('bench');
const projectKey = uniqueId('key');
await ensureProject(pool, projectId, 'Ingest benchmark', projectKey);
await pool.end();
const ingestor = await startIngestor({
  ...ingestorConfigFrom(env),
  infra: infra.config,
  port: 0,
  projectRate: { perSecond: 10_000_000, burst: 10_000_000 },
  ipRate: { perSecond: 10_000_000, burst: 10_000_000 },
});
// A .ts worker entry needs tsx's loader registered inside the worker first.
const workerEntry = new URL('./load-worker.ts', import.meta.url).href;
const worker = new Worker(
  `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(workerEntry)}, ${JSON.stringify(import.meta.url)}))`,
  {
    eval: true,
    workerData: { baseUrl: `http://127.0.0.1:${ingestor.port}`, projectKey, batchSize },
  },
);
const run = (task: LoadTask) =>
  new Promise<LoadResult>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage(task);
  });

try {
  log('warm-up 3 s');
  await run({ kind: 'closed', clients, durationMs: 3000 });
  log(`closed loop: ${clients} concurrent Connect clients, batches of ${batchSize}, ${closedSeconds} s`);
  const loadBefore = os.loadavg()[0]!;
  const cpuBefore = mainThreadCpuMs();
  const closedRaw = await run({ kind: 'closed', clients, durationMs: closedSeconds * 1000 });
  const cpuPer1000 = ((mainThreadCpuMs() - cpuBefore) * 1000) / closedRaw.ackedEvents;
  const closed = summary(closedRaw);
  const open: [number, ReturnType<typeof summary>][] = [];
  for (const rate of rates) {
    log(`open loop: ${rate} events/s for ${openSeconds} s`);
    open.push([
      rate,
      summary(await run({ kind: 'open', eventsPerSecond: rate, durationMs: openSeconds * 1000 })),
    ]);
  }
  const f = (n: number) => n.toFixed(1);
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`
machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}
Kafka, Redis and PostgreSQL on the same machine; ingestor and load generator in one process (load in a worker thread).
1-minute load average when the closed loop started: ${loadBefore.toFixed(1)} (${os.cpus().length} cores).
Ingestor main-thread CPU: ${cpuPer1000.toFixed(1)} ms per 1,000 acknowledged events, i.e. one core would sustain ~${(1_000_000 / cpuPer1000).toFixed(0)} events/s.

| measurement | result | budget |
| --- | --- | --- |
| acknowledged events/s, closed loop, ${clients} clients, batches of ${batchSize} | ${closed.eventsPerSecond.toFixed(0)} (p50 ${f(closed.p50)} ms, p99 ${f(closed.p99)} ms, ${closed.failures} failures${closed.errors ? `: ${closed.errors}` : ''}) | >= 50,000 |
${open
  .map(
    ([rate, s]) =>
      `| ack latency at ${rate.toLocaleString('en')} events/s (open loop, ${s.batches} batches) | p50 ${f(s.p50)} ms, p95 ${f(s.p95)} ms, p99 ${f(s.p99)} ms, max ${f(s.max)} ms; ${s.eventsPerSecond.toFixed(0)} events/s acked, ${s.failures} failures${s.errors ? ` (${s.errors})` : ''} | ${rate === 10_000 ? 'p99 < 50 ms' : '-'} |`,
  )
  .join('\n')}
`);
} finally {
  await worker.terminate();
  await ingestor.stop();
  await infra.cleanup();
}
