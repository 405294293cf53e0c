import { fromBinary } from '@bufbuild/protobuf';
import { EventBatchRecordSchema } from '@gosight/proto/v1/pipeline_pb';
import { DETECTOR_ROLE_DEFAULTS } from '../../processor/src/detector-role.ts';
import { createDetectorEngine } from '../../processor/src/detectors/detector-engine.ts';
import { figureTable } from '../lib/figure-table.ts';
import { generateStream } from './generate-stream.ts';

// Detector throughput in process: decoding the events topic's records and
// running every detector over them, with the role's reorder buffer and the
// clock ticks it makes, over a generated stream of interleaved sessions.
// Usage: npx tsx bench/detectors/run.ts [sessions] [batchesPerSession]
const sessions = Number(process.argv[2] ?? 2000);
const batchesPerSession = Number(process.argv[3] ?? 10);
const BUDGET = 50_000;

const stream = generateStream(sessions, batchesPerSession);
const totalEvents = stream.reduce((sum, record) => sum + record.events, 0);
const totalSamples = stream.reduce((sum, record) => sum + record.samples, 0);
console.log(
  `stream: ${sessions} sessions x ${batchesPerSession} batches = ${stream.length} records, ${totalEvents} events (${totalSamples} mouse samples)`,
);

// Decoding alone, for scale: what the role pays before any detector runs.
function decodeOnly(): number {
  const started = process.hrtime.bigint();
  for (const message of stream) fromBinary(EventBatchRecordSchema, message.value);
  return totalEvents / (Number(process.hrtime.bigint() - started) / 1e9);
}

// The detectors alone, over records decoded beforehand.
function detectOnly(): number {
  const decoded = stream.map((message) => fromBinary(EventBatchRecordSchema, message.value));
  const engine = createDetectorEngine(DETECTOR_ROLE_DEFAULTS);
  const cpuStart = process.cpuUsage();
  decoded.forEach((record, offset) => {
    const arrivalMs = (stream[offset] as (typeof stream)[number]).arrivalMs;
    engine.add(record, { partition: offset % 4, offset: String(offset) }, new Map(), arrivalMs);
    if (offset % 50 === 0) engine.tick(arrivalMs);
  });
  engine.tick(Number.MAX_SAFE_INTEGER);
  const cpu = process.cpuUsage(cpuStart);
  return totalEvents / ((cpu.user + cpu.system) / 1e6);
}

function once(): {
  eventsPerSecond: number;
  eventsPerCpuSecond: number;
  insights: Map<number, number>;
  maxSessions: number;
} {
  const engine = createDetectorEngine(DETECTOR_ROLE_DEFAULTS);
  const insights = new Map<number, number>();
  const count = (found: { type: number }[]) => {
    for (const insight of found) insights.set(insight.type, (insights.get(insight.type) ?? 0) + 1);
  };
  let maxSessions = 0;
  let nextTick = 0;
  const started = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  stream.forEach((message, offset) => {
    const record = fromBinary(EventBatchRecordSchema, message.value);
    count(
      engine.add(record, { partition: offset % 4, offset: String(offset) }, new Map(), message.arrivalMs),
    );
    if (message.arrivalMs >= nextTick) {
      count(engine.tick(message.arrivalMs));
      engine.committable();
      maxSessions = Math.max(maxSessions, engine.sessionCount());
      nextTick = message.arrivalMs + DETECTOR_ROLE_DEFAULTS.tickMs;
    }
  });
  count(engine.tick(Number.MAX_SAFE_INTEGER));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return {
    eventsPerSecond: totalEvents / seconds,
    eventsPerCpuSecond: totalEvents / cpuSeconds,
    insights,
    maxSessions,
  };
}

const decodeRate = decodeOnly();
console.log(`decode only: ${Math.round(decodeRate).toLocaleString('en')} events/s (wall)`);
console.log(
  `detectors only, records decoded beforehand: ${Math.round(detectOnly()).toLocaleString('en')} events per CPU second`,
);
const runs = Array.from({ length: 5 }, once);
const cpuRates = runs.map((run) => run.eventsPerCpuSecond).sort((a, b) => a - b);
console.log(
  `decode + detect, per CPU second (events/s of one core's time): ${cpuRates.map((rate) => Math.round(rate).toLocaleString('en')).join(', ')}`,
);
const rates = runs.map((run) => run.eventsPerSecond).sort((a, b) => a - b);
const median = rates[Math.floor(rates.length / 2)] ?? 0;
const names = ['', 'rage', 'dead', 'error', 'thrashed'];
const last = runs.at(-1);
console.log(
  `insights per run: ${[...(last?.insights ?? [])].map(([type, n]) => `${names[type]} ${n}`).join(', ')}; sessions held at most ${last?.maxSessions}`,
);
console.log(
  `decode + detect, wall clock (events/s): ${rates.map((rate) => Math.round(rate).toLocaleString('en')).join(', ')}`,
);
console.log(
  `median ${Math.round(median).toLocaleString('en')} events/s, budget ${BUDGET.toLocaleString('en')}: ${median >= BUDGET ? 'OK' : 'BELOW BUDGET'}`,
);
const cpuMedian = cpuRates[Math.floor(cpuRates.length / 2)] ?? 0;
console.log(
  figureTable([
    ['decode + detect, wall clock, median of 5 (events/s)', median],
    ['decode + detect, per CPU second, median of 5 (events/s)', cpuMedian],
    ['decode only, wall clock (events/s)', decodeRate],
  ]),
);
