import type { ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { intFrom } from '@gosight/common/env';
import { infraConfigFrom } from '@gosight/common/infra-config';
import { migrateAll } from '@gosight/common/migrate';
import { createPostgres } from '@gosight/common/postgres';
import { ensureProject } from '@gosight/common/projects';
import { startProcess, stopProcess, waitForHttp } from '../../deploy/local/services.ts';
import { type Figure, figureTable } from '../lib/figure-table.ts';
import { startLoad } from '../lib/load-generator.ts';
import { createPrivateStack, type Server } from '../lib/private-stack.ts';
import { treePss } from '../lib/process-memory.ts';

// Memory of the whole stack (Kafka, ClickHouse, PostgreSQL, Redis and every
// GoSight process) while it holds a steady event rate.
//   npx tsx bench/footprint/run.ts
// GOSIGHT_FOOTPRINT_RATE (events/s, default 10000), GOSIGHT_FOOTPRINT_SECONDS (default 60).

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = `${root}node_modules/.bin/tsx`;
const rate = intFrom(process.env, 'GOSIGHT_FOOTPRINT_RATE', 10_000, 100);
const seconds = intFrom(process.env, 'GOSIGHT_FOOTPRINT_SECONDS', 60, 5);
const log = (line: string) => console.log(`[footprint] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

const stack = createPrivateStack(`${root}.gosight/footprint`, 39000);
const runId = Date.now().toString(36);
const env: Record<string, string> = {
  ...stack.infraEnv,
  GOSIGHT_TOPIC_PREFIX: `footprint-${runId}`,
  GOSIGHT_CLICKHOUSE_DB: `footprint_${runId}`,
  GOSIGHT_INGESTOR_PORT: '39100',
  GOSIGHT_API_PORT: '39200',
  GOSIGHT_API_URL: 'http://127.0.0.1:39200',
  GOSIGHT_PROCESSOR_METRICS_PORT: '39500',
};
const children: ChildProcess[] = [];
const next = `${root}node_modules/.bin/next`;
const GOSIGHT_PROCESSES = ['ingestor', 'processor', 'api', 'dashboard'] as const;

try {
  await stack.up();
  const config = infraConfigFrom(env);
  await migrateAll(config, log);
  const pool = createPostgres(config.postgresUrl, 1);
  await ensureProject(pool, `footprint-${runId}`, 'Footprint', `gs_footprint_${runId}`);
  await pool.end();
  children.push(
    startProcess('ingestor', tsx, ['src/main.ts'], `${root}ingestor`, env, () => {}),
    startProcess('processor', tsx, ['src/main.ts'], `${root}processor`, env, () => {}),
    startProcess('api', tsx, ['src/main.ts'], `${root}api`, env, () => {}),
    // The dashboard as built by `npm run build -w dashboard` (bench/run-all.sh builds it first).
    startProcess(
      'dashboard',
      next,
      ['start', '-H', '127.0.0.1', '-p', '39300'],
      `${root}dashboard`,
      env,
      () => {},
    ),
  );
  await waitForHttp('http://127.0.0.1:39100/healthz', 60_000);
  await waitForHttp('http://127.0.0.1:39200/healthz', 60_000);
  await waitForHttp('http://127.0.0.1:39300/login', 60_000);

  const servers: Server[] = ['kafka', 'clickhouse', 'postgres', 'redis'];
  const serverPids = Object.fromEntries(
    await Promise.all(servers.map(async (s) => [s, await stack.pid(s)] as const)),
  );
  const load = startLoad({
    ingestUrl: 'http://127.0.0.1:39100',
    projectKey: `gs_footprint_${runId}`,
    eventsPerSecond: rate,
    batchSize: 50,
    sessions: 20,
  });
  log(`holding ${rate} events/s for ${seconds} s`);
  const samples: Record<string, number[]> = {};
  const started = Date.now();
  let acknowledgedAtStart = 0;
  let measuredFrom = started;
  while (Date.now() - started < seconds * 1000) {
    await sleep(1000);
    if (Date.now() - started < 5000) {
      acknowledgedAtStart = load.report.acknowledged.size;
      measuredFrom = Date.now();
      continue;
    }
    const parts: Record<string, number> = {};
    for (const server of servers) parts[server] = await treePss([serverPids[server]!]);
    const own = await Promise.all(children.map((child) => treePss([child.pid!])));
    GOSIGHT_PROCESSES.forEach((name, i) => {
      parts[name] = own[i] ?? 0;
    });
    parts.gosight = own.reduce((sum, value) => sum + value, 0);
    parts.total = [...servers.map((server) => parts[server] ?? 0), parts.gosight].reduce((a, b) => a + b, 0);
    for (const [name, value] of Object.entries(parts)) {
      samples[name] ??= [];
      samples[name].push(value);
    }
  }
  const measuredSeconds = (Date.now() - measuredFrom) / 1000;
  const report = await load.stop();
  const achieved = (report.acknowledged.size - acknowledgedAtStart) / measuredSeconds;
  const peak = (name: string) => Math.max(...(samples[name] ?? [0]));
  const mean = (name: string) =>
    (samples[name] ?? [0]).reduce((a, b) => a + b, 0) / (samples[name]?.length ?? 1);
  const names = ['kafka', 'clickhouse', 'postgres', 'redis', ...GOSIGHT_PROCESSES, 'gosight', 'total'];
  for (const name of names) log(`${name}: mean ${mib(mean(name))}, peak ${mib(peak(name))}`);
  log(
    `acknowledged ${achieved.toFixed(0)} events/s on average; client errors: ${[...report.errors].map(([c, n]) => `${c} ×${n}`).join(', ') || 'none'}`,
  );

  const asMiB = (bytes: number) => Math.round(bytes / 2 ** 20);
  console.log(
    figureTable([
      ...names.flatMap((name): Figure[] => [
        [`${name}, mean (MiB)`, asMiB(mean(name))],
        [`${name}, peak (MiB)`, asMiB(peak(name))],
      ]),
      ['acknowledged (events/s)', achieved],
    ]),
  );

  await mkdir(`${root}docs/benchmarks`, { recursive: true });
  await writeFile(
    `${root}docs/benchmarks/footprint.md`,
    [
      '## Memory of the whole stack',
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ` +
        `${Math.round(os.totalmem() / 2 ** 30)} GiB; command: \`npx tsx bench/footprint/run.ts\`.`,
      '',
      `Load: ${rate} events/s requested in batches of 50 from 20 sessions, ${achieved.toFixed(0)} events/s acknowledged on average, ` +
        `${seconds} s; proportional set size (PSS) of each server's process tree sampled every second after a 5 s warm-up. ` +
        'GoSight processes: ingestor, processor (all roles), API and dashboard (`next start`, idle: no one browses it); `gosight` is their sum.',
      '',
      '| part | mean | peak |',
      '| --- | ---: | ---: |',
      ...names.map((name) => `| ${name} | ${mib(mean(name))} | ${mib(peak(name))} |`),
      '',
      'Budget: whole stack <= 4 GiB while holding 10,000 events/s.',
      '',
    ].join('\n'),
  );
  log('wrote docs/benchmarks/footprint.md');
} finally {
  await Promise.all(children.map(stopProcess));
  await stack.down();
}
process.exit(process.exitCode ?? 0);
