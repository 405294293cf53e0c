// Ingest benchmark: acknowledged events/s (closed loop) over Connect and gRPC,
// acknowledgement latency at fixed rates (open loop), and the size of a batch
// as Protobuf and JSON, against the shared stack on private topics.
// Run: npx tsx bench/ingest/run.ts  (stack up; reads .gosight/env)
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { intFrom } from '@gosight/common/env';
import { createPostgres } from '@gosight/common/postgres';
import { ensureProject } from '@gosight/common/projects';
import { createTestInfra, uniqueId } from '@gosight/common/test-infra';
import { ingestorConfigFrom } from '../../ingestor/src/config.ts';
import { startIngestor } from '../../ingestor/src/ingestor.ts';
import { decodeCostMicros } from './decode-cost.ts';
import type { LoadResult, LoadTask, Protocol } from './load-worker.ts';
import { loadgenCostMicros } from './loadgen-cost.ts';
import { payloadSizes } from './payload-sizes.ts';
import { recordedPayloads } from './recorded-payloads.ts';

const env = { ...envFile(), ...process.env };
const batchSize = 50;
const closedSeconds = intFrom(env, 'GOSIGHT_BENCH_CLOSED_S', 20, 1);
const openSeconds = intFrom(env, 'GOSIGHT_BENCH_OPEN_S', 15, 1);
const clients = intFrom(env, 'GOSIGHT_BENCH_CLIENTS', 32, 1);
const rates = [2_000, 10_000];
const encodeEach = env.GOSIGHT_BENCH_ENCODE_EACH === '1';

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
    workerData: { port: ingestor.port, projectKey, batchSize, encodeEach },
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
  await run({ kind: 'closed', protocol: 'connect', clients, durationMs: 3000 });
  const closed: [Protocol, ReturnType<typeof summary>, number][] = [];
  let loadBefore = 0;
  for (const protocol of ['connect', 'grpc'] as const) {
    log(
      `closed loop: ${clients} concurrent ${protocol} clients, batches of ${batchSize}, ${closedSeconds} s`,
    );
    if (protocol === 'connect') loadBefore = os.loadavg()[0]!;
    const cpuBefore = mainThreadCpuMs();
    const raw = await run({ kind: 'closed', protocol, clients, durationMs: closedSeconds * 1000 });
    closed.push([protocol, summary(raw), ((mainThreadCpuMs() - cpuBefore) * 1000) / raw.ackedEvents]);
  }
  const open: [number, ReturnType<typeof summary>][] = [];
  for (const rate of rates) {
    log(`open loop: ${rate} events/s for ${openSeconds} s over Connect`);
    open.push([
      rate,
      summary(
        await run({
          kind: 'open',
          protocol: 'connect',
          eventsPerSecond: rate,
          durationMs: openSeconds * 1000,
        }),
      ),
    ]);
  }
  const sizes = payloadSizes(batchSize);
  const recorded = await recordedPayloads(4);
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)} ×`;
  const sizeRow = (label: string, p: typeof recorded.total) =>
    `| ${label} | ${p.protobuf} | ${p.json} (${ratio(p.json, p.protobuf)}) | ${p.protobufGzip} | ${p.jsonGzip} (${ratio(p.jsonGzip, p.protobufGzip)}) |`;
  const loadgen = loadgenCostMicros(batchSize);
  const decode = decodeCostMicros(batchSize, 2000);
  const f = (n: number) => n.toFixed(1);
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const errors = (s: ReturnType<typeof summary>) =>
    `${s.failures} failures${s.errors ? ` (${s.errors})` : ''}`;
  console.log(`
machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}
Kafka, Redis and PostgreSQL on the same machine; ingestor and load generator in one process (load in a worker thread${encodeEach ? ', every batch built and encoded with protobuf-es' : ', batches patched from an encoded template'}).
1-minute load average when the closed loop started: ${loadBefore.toFixed(1)} (${os.cpus().length} cores).
Load generator CPU per request body: ${loadgen.template.toFixed(0)} µs patched from a template, ${loadgen.encodeEach.toFixed(0)} µs built and encoded with protobuf-es.
Ingestor CPU to decode and check one request body of ${batchSize} events: ${decode.wireCheck.toFixed(0)} µs checked on the wire, ${decode.protobufEs.toFixed(0)} µs with protobuf-es per event.
${closed.map(([protocol, , cpuPer1000]) => `Ingestor main-thread CPU over ${protocol}: ${cpuPer1000.toFixed(1)} ms per 1,000 acknowledged events, i.e. one core would sustain ~${(1_000_000 / cpuPer1000).toFixed(0)} events/s.`).join('\n')}

| measurement | result | budget |
| --- | --- | --- |
${closed
  .map(
    ([protocol, s]) =>
      `| acknowledged events/s, closed loop, ${clients} ${protocol} clients, batches of ${batchSize} | ${s.eventsPerSecond.toFixed(0)} (p50 ${f(s.p50)} ms, p99 ${f(s.p99)} ms, ${errors(s)}) | >= 50,000 |`,
  )
  .join('\n')}
${open
  .map(
    ([rate, s]) =>
      `| ack latency at ${rate.toLocaleString('en')} events/s (open loop, Connect, ${s.batches} batches) | p50 ${f(s.p50)} ms, p95 ${f(s.p95)} ms, p99 ${f(s.p99)} ms, max ${f(s.max)} ms; ${s.eventsPerSecond.toFixed(0)} events/s acked, ${errors(s)} | ${rate === 10_000 ? 'p99 < 50 ms' : '-'} |`,
  )
  .join('\n')}

| one batch of ${batchSize} events | raw bytes | gzipped bytes |
| --- | --- | --- |
| Protobuf (what the SDK sends) | ${sizes.protobuf} | ${sizes.protobufGzip} |
| JSON (Connect JSON of the same message) | ${sizes.json} (${(sizes.json / sizes.protobuf).toFixed(2)} × Protobuf) | ${sizes.jsonGzip} (${(sizes.jsonGzip / sizes.protobufGzip).toFixed(2)} × Protobuf gzipped) |

Recorded sessions: ${recorded.visits} demo-shop visits in Chromium (desktop and phone in turn, replay on), ${recorded.batches} batches as the SDK sent them, ${recorded.events} events, ${recorded.replayChunks} replay chunks; bytes summed over the batches, each encoded on its own.

| recorded batches | Protobuf | Connect JSON | Protobuf gzipped | JSON gzipped |
| --- | --- | --- | --- | --- |
${sizeRow('whole batches (events and replay)', recorded.total)}
${sizeRow('events only (replay chunks left out)', recorded.eventsOnly)}
`);
} finally {
  await worker.terminate();
  await ingestor.stop();
  await infra.cleanup();
}
