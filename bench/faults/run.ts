import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { intFrom } from '@gosight/common/env';
import { infraConfigFrom } from '@gosight/common/infra-config';
import { migrateAll } from '@gosight/common/migrate';
import { createPostgres } from '@gosight/common/postgres';
import { ensureProject } from '@gosight/common/projects';
import { signalTree, startProcess, stopProcess, waitForHttp } from '../../deploy/local/services.ts';
import { writeDocSection } from '../hostile/doc-section.ts';
import { type Figure, figureTable } from '../lib/figure-table.ts';
import { startLoad } from '../lib/load-generator.ts';
import { createPrivateStack } from '../lib/private-stack.ts';
import { type CheckResult, check, storedCounts } from './checker.ts';

// Faults under load against a private stack; writes docs/reliability.md.
//   npx tsx bench/faults/run.ts
// GOSIGHT_FAULTS_RATE (events/s, default 2000), GOSIGHT_FAULTS_OUTAGE_S (default 10),
// GOSIGHT_FAULTS_CLICKHOUSE_OUTAGE_S (default 60), GOSIGHT_FAULTS_ONLY (comma-separated
// scenario names; all by default, and only a full run rewrites docs/reliability.md).

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = `${root}node_modules/.bin/tsx`;
const rate = intFrom(process.env, 'GOSIGHT_FAULTS_RATE', 2000, 100);
const outageMs = intFrom(process.env, 'GOSIGHT_FAULTS_OUTAGE_S', 10, 1) * 1000;
const clickhouseOutageMs = intFrom(process.env, 'GOSIGHT_FAULTS_CLICKHOUSE_OUTAGE_S', 60, 1) * 1000;
const log = (line: string) => console.log(`[faults] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const stack = createPrivateStack(`${root}.gosight/faults`, 38000);
const runId = Date.now().toString(36);
const env: Record<string, string> = {
  ...stack.infraEnv,
  GOSIGHT_TOPIC_PREFIX: `faults-${runId}`,
  GOSIGHT_CLICKHOUSE_DB: `faults_${runId}`,
  GOSIGHT_FLUSH_AGE_MS: '300',
  GOSIGHT_INGESTOR_PORT: '38100',
  GOSIGHT_PROCESSOR_METRICS_PORT: '38500',
};
const ingestUrl = 'http://127.0.0.1:38100';
const config = infraConfigFrom(env);
const children: { ingestor?: ChildProcess; processor?: ChildProcess } = {};
const quiet = () => {};

function startIngestor() {
  children.ingestor = startProcess('ingestor', tsx, ['src/main.ts'], `${root}ingestor`, env, quiet);
  return waitForHttp(`${ingestUrl}/healthz`, 60_000);
}
function startProcessorRoles() {
  children.processor = startProcess(
    'processor',
    tsx,
    ['src/main.ts', '--roles=events,sessions'],
    `${root}processor`,
    env,
    quiet,
  );
}

interface Scenario {
  name: string;
  what: string;
  inject(): Promise<void>;
}

const scenarios: Scenario[] = [
  {
    name: 'baseline',
    what: 'no fault',
    async inject() {
      await sleep(outageMs);
    },
  },
  {
    name: 'kafka-killed',
    what: `Kafka broker SIGKILLed, restarted after ${outageMs / 1000} s`,
    async inject() {
      await stack.kill('kafka');
      await sleep(outageMs);
      await stack.up('kafka');
    },
  },
  {
    name: 'clickhouse-stopped',
    what: `ClickHouse stopped for ${clickhouseOutageMs / 1000} s`,
    async inject() {
      await stack.down('clickhouse');
      await sleep(clickhouseOutageMs);
      await stack.up('clickhouse');
    },
  },
  {
    name: 'processor-sigkill',
    what: 'processor SIGKILLed mid-batch, restarted',
    async inject() {
      await sleep(1500);
      // The whole process group: killing only the tsx wrapper would leave the processor running.
      if (children.processor) signalTree(children.processor, 'SIGKILL');
      await sleep(1000);
      startProcessorRoles();
      await sleep(outageMs);
    },
  },
  {
    name: 'redis-down',
    what: `Redis stopped for ${outageMs / 1000} s`,
    async inject() {
      await stack.down('redis');
      await sleep(outageMs);
      await stack.up('redis');
    },
  },
  {
    name: 'postgres-down',
    what: `PostgreSQL stopped for ${outageMs / 1000} s`,
    async inject() {
      await stack.down('postgres');
      await sleep(outageMs);
      await stack.up('postgres');
    },
  },
];

interface Row {
  scenario: Scenario;
  result: CheckResult;
  errors: string;
  catchUpMs: number;
}

async function runScenario(scenario: Scenario): Promise<Row> {
  const projectId = `faults-${scenario.name}-${runId}`;
  const key = `gs_${projectId}`;
  const pool = createPostgres(config.postgresUrl, 1);
  await ensureProject(pool, projectId, scenario.name, key);
  await pool.end();
  log(`${scenario.name}: ${scenario.what}, under ${rate} events/s`);
  const load = startLoad({ ingestUrl, projectKey: key, eventsPerSecond: rate, batchSize: 50, sessions: 8 });
  await sleep(3000);
  await scenario.inject();
  await sleep(3000);
  const report = await load.stop();
  const stopped = Date.now();
  while (Date.now() - stopped < 120_000) {
    const { stored, listed } = await storedCounts(config.clickhouseUrl, config.clickhouseDatabase, projectId);
    if (stored >= report.acknowledged.size && listed >= stored) break;
    await sleep(500);
  }
  const catchUpMs = Date.now() - stopped;
  const result = await check(config.clickhouseUrl, config.clickhouseDatabase, projectId, report.acknowledged);
  const errors = [...report.errors].map(([code, count]) => `${code} ×${count}`).join(', ') || 'none';
  log(
    `${scenario.name}: acknowledged ${result.acknowledged}, lost ${result.lost}, counted twice ${result.countedTwice}, ` +
      `raw duplicate rows ${result.rawDuplicateRows}, client errors: ${errors}, caught up in ${catchUpMs} ms`,
  );
  return { scenario, result, errors, catchUpMs };
}

function markdown(rows: Row[]): string {
  const lines = [
    '## Faults',
    '',
    `Measured on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB, every server on loopback (Kafka 3.9 KRaft, ClickHouse 18.16, PostgreSQL 15, Redis 7).`,
    '',
    'Command: `npx tsx bench/faults/run.ts` (starts a private stack on ports 38000-38100 in `.gosight/faults`).',
    '',
    `A load generator sends batches of 50 events at ${rate} events/s from 8 sessions through the ingestor, retrying a`,
    'failed batch with the same batch and event ids as the SDK does, and records every acknowledged event id. After each',
    'fault the load stops, the pipeline drains, and a checker compares the acknowledged ids with ClickHouse: *lost* is',
    "acknowledged but not stored; *counted twice* is what the API's session list counts beyond one per stored event;",
    '*raw duplicate rows* are redelivered copies that deduplication hides; *client errors* are what senders saw.',
    '',
    '| fault | acknowledged | lost | counted twice | raw duplicate rows | client errors | caught up after load stopped |',
    '| --- | ---: | ---: | ---: | ---: | --- | ---: |',
    ...rows.map(
      (row) =>
        `| ${row.scenario.what} | ${row.result.acknowledged} | ${row.result.lost} | ${row.result.countedTwice} | ` +
        `${row.result.rawDuplicateRows} | ${row.errors} | ${(row.catchUpMs / 1000).toFixed(1)} s |`,
    ),
    '',
  ];
  return lines.join('\n');
}

try {
  log('starting the private stack');
  await stack.up();
  await migrateAll(config, log);
  await startIngestor();
  startProcessorRoles();
  const only = process.env.GOSIGHT_FAULTS_ONLY?.split(',');
  const rows: Row[] = [];
  for (const scenario of scenarios) {
    if (!only || only.includes(scenario.name)) rows.push(await runScenario(scenario));
  }
  if (!only) {
    // Only the faults part: the hostile-input part (bench/hostile) stays as it is.
    await writeDocSection(`${root}docs/reliability.md`, 'faults', markdown(rows));
    log('wrote the faults part of docs/reliability.md');
  }
  console.log(
    figureTable(
      rows.flatMap(({ scenario, result, catchUpMs }): Figure[] => [
        [`${scenario.name}: acknowledged`, result.acknowledged],
        [`${scenario.name}: lost`, result.lost],
        [`${scenario.name}: counted twice`, result.countedTwice],
        [`${scenario.name}: caught up after the load stopped (s)`, catchUpMs / 1000],
      ]),
    ),
  );
  const failed = rows.filter((row) => row.result.lost > 0 || row.result.countedTwice > 0);
  if (failed.length > 0) {
    log(`FAILED: ${failed.map((row) => row.scenario.name).join(', ')}`);
    process.exitCode = 1;
  }
} finally {
  await Promise.all(Object.values(children).map((child) => (child ? stopProcess(child) : undefined)));
  await stack.down();
}
// Clients (Kafka admin, HTTP agents) may keep the event loop alive.
process.exit(process.exitCode ?? 0);
