// Pipeline benchmark: Kafka -> processor (events role, its own process) -> ClickHouse.
//
//   npx tsx bench/pipeline/run.ts   (shared stack running; set -a; . .gosight/env; set +a)
//
// 1. Latency: EventBatchRecords of 20 events are produced straight to Kafka
//    (acks=all, as the ingestor does) at RATE events/s for LATENCY_SECONDS; the
//    time from each send's acknowledgement to the moment its rows answer a
//    ClickHouse query (polled every POLL_MS) is recorded.
// 2. Throughput: the processor is stopped, BACKLOG events are queued, the
//    processor is started again and the rate at which it drains the backlog into
//    ClickHouse is measured (first to last row stored).
// Private topics and database (createTestInfra), removed at the end.
import os from 'node:os';
import { createClickHouse } from '@gosight/common/clickhouse';
import { createKafka, createProducer } from '@gosight/common/kafka';
import { createTestInfra } from '@gosight/common/test-infra';
import { topicsFor } from '@gosight/common/topics';
import type { Message } from 'kafkajs';
import { type ProcessorChild, spawnProcessor } from '../../processor/src/processor-child.ts';
import { eventBatchMessage, simpleEvents } from '../../processor/src/test-fixtures.ts';
import { figureTable } from '../lib/figure-table.ts';

const RATE = Number(process.env.BENCH_RATE ?? 10_000);
const LATENCY_SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 600_000);
const EVENTS_PER_RECORD = 20;
const TICK_MS = 20;
const POLL_MS = 50;
// The processor's production defaults unless overridden.
const PROCESSOR_ENV = {
  GOSIGHT_PROCESSOR_METRICS_PORT: '0',
  GOSIGHT_FLUSH_ROWS: process.env.GOSIGHT_FLUSH_ROWS ?? '20000',
  GOSIGHT_FLUSH_AGE_MS: process.env.GOSIGHT_FLUSH_AGE_MS ?? '500',
};

const infra = await createTestInfra('bench_pipeline');
const { config } = infra;
const topic = topicsFor(config.topicPrefix).events;
const clickhouse = createClickHouse(config.clickhouseUrl, config.clickhouseDatabase);
const producer = createProducer(createKafka(config.kafkaBrokers, 'bench-pipeline'));
await producer.connect();
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const scalar = async (sql: string) => {
  const result = await clickhouse.query({ query: sql, format: 'JSONEachRow' });
  return Number((await result.json<{ n: string }>())[0]?.n ?? 0);
};

try {
  let processor = spawnProcessor(config, 'events', PROCESSOR_ENV);
  await processor.waitFor(/role events started/, 60_000);
  // Warm-up: the group has joined and the first insert went through.
  await send(records('warmup', 0, 5));
  while ((await scalar(`SELECT count() AS n FROM events WHERE project_id = 'warmup'`)) === 0)
    await sleep(100);

  // ---- 1. latency at RATE events/s
  const ackedAt = new Map<string, number>();
  const visibleAt = new Map<string, number>();
  const recordsPerTick = Math.max(1, Math.round((RATE * TICK_MS) / 1000 / EVENTS_PER_RECORD));
  const ticks = Math.round((LATENCY_SECONDS * 1000) / TICK_MS);
  let polling = true;
  let pollDeadline = Number.POSITIVE_INFINITY;
  const poller = (async () => {
    while (polling || visibleAt.size < ackedAt.size) {
      const result = await clickhouse.query({
        query: `SELECT DISTINCT session_id FROM events WHERE project_id = 'latency' AND received_at_ms >= ${Date.now() - 60_000}`,
        format: 'JSONEachRow',
      });
      const now = Date.now();
      for (const { session_id } of await result.json<{ session_id: string }>())
        if (!visibleAt.has(session_id)) visibleAt.set(session_id, now);
      if (!polling && Date.now() > pollDeadline) break;
      await sleep(POLL_MS);
    }
  })();
  const started = Date.now();
  const sends: Promise<void>[] = [];
  for (let tick = 0; tick < ticks; tick++) {
    const due = started + tick * TICK_MS;
    if (due > Date.now()) await sleep(due - Date.now());
    const batch = records('latency', tick * recordsPerTick, recordsPerTick);
    sends.push(
      send(batch).then(() => {
        const now = Date.now();
        for (const message of batch) ackedAt.set(String(message.key).split(':')[1] ?? '', now);
      }),
    );
  }
  await Promise.all(sends);
  const producedSeconds = (Date.now() - started) / 1000;
  pollDeadline = Date.now() + 20_000;
  polling = false;
  await poller;
  const insertStats = await insertMetrics(processor);
  const seen = [...ackedAt].filter(([id]) => visibleAt.has(id));
  const latencies = seen.map(([id, at]) => (visibleAt.get(id) ?? 0) - at).sort((x, y) => x - y);
  const missing = ackedAt.size - seen.length;
  const sent = ackedAt.size * EVENTS_PER_RECORD;

  // ---- 2. throughput: drain a backlog
  await processor.kill('SIGTERM');
  if (process.env.BENCH_VERBOSE) console.log(processor.output.join('\n'));
  const backlogStart = Date.now();
  for (let i = 0; i < BACKLOG / EVENTS_PER_RECORD; i += 500)
    await send(records('backlog', i, Math.min(500, BACKLOG / EVENTS_PER_RECORD - i)));
  const backlogProduceSeconds = (Date.now() - backlogStart) / 1000;
  processor = spawnProcessor(config, 'events', PROCESSOR_ENV);
  let firstAt = 0;
  let stored = 0;
  const drainDeadline = Date.now() + 90_000;
  while (stored < BACKLOG && Date.now() < drainDeadline) {
    stored = await scalar(`SELECT count() AS n FROM events WHERE project_id = 'backlog'`);
    if (stored > 0 && firstAt === 0) firstAt = Date.now();
    await sleep(100);
  }
  const drainSeconds = (Date.now() - firstAt) / 1000;
  await processor.kill('SIGTERM');
  if (process.env.BENCH_VERBOSE) console.log(processor.output.join('\n'));

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `machine: ${os.cpus().length} x ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; ClickHouse ${await version()}`,
  );
  console.log(
    `latency phase: ${sent} events in ${ackedAt.size} records over ${producedSeconds.toFixed(1)} s = ${Math.round(sent / producedSeconds)} events/s offered`,
  );
  console.log(
    `ack -> queryable (ms, poll every ${POLL_MS} ms): p50 ${quantile(latencies, 0.5)}  p95 ${quantile(latencies, 0.95)}  p99 ${quantile(latencies, 0.99)}  max ${latencies.at(-1)}  not seen: ${missing}`,
  );
  console.log(
    `processor during the latency phase: ${insertStats.count} inserts, mean ${insertStats.meanRows} rows, mean insert ${insertStats.meanMs} ms (flush at ${PROCESSOR_ENV.GOSIGHT_FLUSH_ROWS} rows or ${PROCESSOR_ENV.GOSIGHT_FLUSH_AGE_MS} ms)`,
  );
  console.log(
    `throughput phase: backlog of ${BACKLOG} events queued in ${backlogProduceSeconds.toFixed(1)} s`,
  );
  console.log(
    `drained ${stored} events in ${drainSeconds.toFixed(1)} s = ${Math.round(stored / drainSeconds)} events/s sustained (first to last row stored)`,
  );
  console.log(
    figureTable([
      ['events/s offered, latency phase', sent / producedSeconds],
      [
        'acknowledged to queryable (ms)',
        `p50 ${quantile(latencies, 0.5)}, p95 ${quantile(latencies, 0.95)}, p99 ${quantile(latencies, 0.99)}, max ${latencies.at(-1)}`,
      ],
      ['acknowledged records never seen', missing],
      ['mean insert (ms)', insertStats.meanMs],
      ['processor throughput, backlog drained (events/s)', stored / drainSeconds],
    ]),
  );
} finally {
  await producer.disconnect();
  await clickhouse.close();
  await infra.cleanup();
}

function records(projectId: string, from: number, count: number): Message[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => {
    const sessionId = `r${from + i}`;
    return eventBatchMessage({
      projectId,
      sessionId,
      receivedAtMs: now,
      events: simpleEvents(sessionId, EVENTS_PER_RECORD, now),
    });
  });
}

async function send(messages: Message[]): Promise<void> {
  await producer.send({ topic, messages, acks: -1 });
}

async function version(): Promise<string> {
  const result = await clickhouse.query({ query: 'SELECT version() AS v', format: 'JSONEachRow' });
  return (await result.json<{ v: string }>())[0]?.v ?? '?';
}

async function insertMetrics(child: ProcessorChild) {
  const line = await child.waitFor(/on port \d+/, 1000);
  const port = /on port (\d+)/.exec(line)?.[1];
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const value = (name: string) =>
    Number(new RegExp(`^${name}\\{[^}]*\\} ([\\d.e+-]+)$`, 'm').exec(text)?.[1] ?? 0);
  const count = value('gosight_processor_insert_seconds_count');
  return {
    count,
    meanMs: count ? Math.round((value('gosight_processor_insert_seconds_sum') / count) * 1000) : 0,
    meanRows: count ? Math.round(value('gosight_processor_batch_rows_sum') / count) : 0,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
