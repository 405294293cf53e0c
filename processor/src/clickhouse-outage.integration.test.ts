import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createClickHouse } from '@gosight/common/clickhouse';
import { migrateClickHouse } from '@gosight/common/migrate-clickhouse';
import { createTestInfra, eventually, type TestInfra, uniqueId } from '@gosight/common/test-infra';
import { topicsFor } from '@gosight/common/topics';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningProcessor, startProcessor } from './processor.ts';
import { eventBatchMessage, produce, simpleEvents } from './test-fixtures.ts';

// A private ClickHouse (never the shared one) that the test stops and starts
// while events keep arriving.
const HTTP_PORT = 28123;
const stackScript = new URL('../../deploy/local/stack.sh', import.meta.url).pathname;
let dataDir: string;
let infra: TestInfra;
let processor: RunningProcessor | undefined;
const logs: string[] = [];

async function clickhouseServer(action: 'up' | 'down'): Promise<void> {
  await promisify(execFile)('bash', [stackScript, action, 'clickhouse'], {
    env: {
      ...process.env,
      GOSIGHT_DATA: dataDir,
      GOSIGHT_CLICKHOUSE_HTTP_PORT: String(HTTP_PORT),
      GOSIGHT_CLICKHOUSE_TCP_PORT: '29000',
    },
    timeout: 60_000,
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'gosight-ch-outage-'));
  infra = await createTestInfra('ch_outage');
  await clickhouseServer('up');
});

afterAll(async () => {
  await processor?.stop();
  await clickhouseServer('down').catch(() => {});
  await rm(dataDir, { recursive: true, force: true });
  await infra?.cleanup();
});

it('pauses and retries while ClickHouse is down, loses nothing, and catches up when it returns', async () => {
  const config = { ...infra.config, clickhouseUrl: `http://127.0.0.1:${HTTP_PORT}` };
  await migrateClickHouse(config.clickhouseUrl, config.clickhouseDatabase, () => {});
  const running = await startProcessor(
    {
      infra: config,
      roles: ['events'],
      flushRows: 500,
      flushAgeMs: 100,
      metricsHost: '127.0.0.1',
      metricsPort: 0,
    },
    (line) => logs.push(line),
  );
  processor = running;
  const topic = topicsFor(config.topicPrefix).events;
  const projectId = uniqueId('proj');
  let produced = 0;
  let batch = 0;
  let producing = true;
  const load = (async () => {
    while (producing) {
      const sessionId = `${projectId}-s${batch % 20}`;
      const messages = Array.from({ length: 5 }, (_, i) =>
        eventBatchMessage({
          projectId,
          sessionId,
          events: simpleEvents(`${sessionId}-${batch}-${i}`, 20, Date.now()),
        }),
      );
      await produce(config.kafkaBrokers, topic, messages);
      produced += 100;
      batch += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();

  const readyz = async () => (await fetch(`http://127.0.0.1:${running.metricsPort}/readyz`)).status;
  const clickhouse = createClickHouse(config.clickhouseUrl, config.clickhouseDatabase);
  const stored = async () => {
    const result = await clickhouse.query({
      query: `SELECT uniqExact(event_id) AS n FROM events WHERE project_id = '${projectId}'`,
      format: 'JSONEachRow',
    });
    return Number((await result.json<{ n: string }>())[0]?.n ?? 0);
  };
  await eventually(async () => ((await stored()) > 0 ? true : undefined), 20_000, 'the first events stored');

  await clickhouseServer('down');
  const producedAtOutage = produced;
  await eventually(
    async () => ((await readyz()) === 503 ? true : undefined),
    20_000,
    '/readyz to report the failing writes',
  );
  await new Promise((resolve) => setTimeout(resolve, 3000));
  expect(produced).toBeGreaterThan(producedAtOutage);
  const metrics = await (await fetch(`http://127.0.0.1:${running.metricsPort}/metrics`)).text();
  expect(Number(/gosight_processor_flush_retries_total\{[^}]*\} (\d+)/.exec(metrics)?.[1])).toBeGreaterThan(
    0,
  );
  expect(logs.some((line) => /write of \d+ rows from .* failed .* retrying in \d+ ms/.test(line))).toBe(true);

  await clickhouseServer('up');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  producing = false;
  await load;
  await eventually(
    async () => ((await stored()) === produced ? true : undefined),
    40_000,
    `all ${produced} events stored`,
  );
  await eventually(async () => ((await readyz()) === 200 ? true : undefined), 20_000, '/readyz ready again');
  await clickhouse.close();
}, 90_000);
