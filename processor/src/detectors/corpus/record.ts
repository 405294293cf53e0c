// Records the labelled corpus: runs each scripted scenario in Debian's
// Chromium on the fixture pages with the built SDK, captures the batches it
// sends, and writes them as fixtures/<scenario>.json (the records the
// ingestor would publish, as protobuf JSON) with the scenario's labels.
// Usage: npm run build -w sdk && npx tsx processor/src/detectors/corpus/record.ts [scenario ...]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { create, toJson } from '@bufbuild/protobuf';
import type { IngestBatchRequest } from '@gosight/proto/v1/ingest_pb';
import { type EventBatchRecord, EventBatchRecordSchema } from '@gosight/proto/v1/pipeline_pb';
import { launchChromium } from '../../../../sdk/test/chromium.ts';
import type { CorpusFixture } from './fixture.ts';
import { FIXTURES_DIR } from './fixture.ts';
import { startCorpusServer } from './receiver.ts';
import { SCENARIOS } from './scenarios.ts';

const SDK_DIST = new URL('../../../../sdk/dist/sdk.js', import.meta.url);
const wanted = process.argv.slice(2);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// What the ingestor does to a batch before it publishes it (clock skew included).
function toRecord(request: IngestBatchRequest, arrivalMs: number): EventBatchRecord {
  const skew = request.sentAtMs > 0n ? BigInt(arrivalMs) - request.sentAtMs : 0n;
  return create(EventBatchRecordSchema, {
    projectId: 'corpus',
    sessionId: request.sessionId,
    deviceId: request.deviceId,
    batchId: request.batchId,
    receivedAtMs: BigInt(arrivalMs),
    page: request.page,
    userAgent: 'Chromium (corpus)',
    events: request.events.map((event) => ({ ...event, timestampMs: event.timestampMs + skew })),
    clockSkewMs: skew,
    tabId: request.tabId,
  });
}

const sdkJs = readFileSync(SDK_DIST, 'utf8');
const sdkVersion = execFileSync('sha256sum', [fileURLToPath(SDK_DIST)])
  .toString()
  .slice(0, 12);
const server = await startCorpusServer(sdkJs);
const browser = await launchChromium();
try {
  for (const scenario of SCENARIOS) {
    if (wanted.length > 0 && !wanted.includes(scenario.name)) continue;
    const touch = scenario.device === 'touch';
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      hasTouch: touch,
      isMobile: touch,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const from = server.batches.length;
    await page.goto(`${server.url}/shop.html`);
    await page.waitForFunction('typeof window.GoSight?.track === "function"');
    await sleep(300);
    await scenario.run(page);
    // Clicks are reported after their 1 s watch; the SDK sends every 2 s.
    await sleep(3500);
    await page.close({ runBeforeUnload: true });
    await sleep(500);
    await context.close();
    const batches = server.batches.slice(from).filter((batch) => batch.request.events.length > 0);
    const records = batches.map(({ request, arrivalMs }) => ({
      arrivalMs,
      record: toJson(EventBatchRecordSchema, toRecord(request, arrivalMs)),
    }));
    const kinds = new Map<string, number>();
    for (const { request } of batches)
      for (const event of request.events)
        kinds.set(event.kind.case ?? '?', (kinds.get(event.kind.case ?? '?') ?? 0) + 1);
    const fixture: CorpusFixture = {
      scenario: scenario.name,
      description: scenario.description,
      device: scenario.device,
      labels: scenario.labels,
      recordedWith: `sdk/dist/sdk.js sha256 ${sdkVersion}, ${browser.version()}`,
      records,
    };
    writeFileSync(new URL(`${scenario.name}.json`, FIXTURES_DIR), `${JSON.stringify(fixture, null, 1)}\n`);
    console.log(
      `${scenario.name}: ${batches.length} batches, ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}${errors.length ? `; page errors: ${errors.join(' | ')}` : ''}`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
