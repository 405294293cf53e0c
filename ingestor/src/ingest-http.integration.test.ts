import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';
import { IngestService } from '@gosight/proto/v1/ingest_pb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, sampleBatch, startHarness } from './test-harness.ts';

let harness: Harness;
let writeKey: string;
let folder: string;
let sdkPath: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gosight-sdk-'));
  sdkPath = join(folder, 'sdk.js');
  await writeFile(sdkPath, 'window.GoSight = {};\n');
  await writeFile(join(folder, 'sdk-replay.js'), 'window.GoSightReplay = {};\n');
  await writeFile(join(folder, 'sdk-extras.js'), 'window.GoSightExtras = {};\n');
  harness = await startHarness('ingest_http', { sdkScriptPath: sdkPath, sdkScriptMaxAgeSeconds: 120 });
  [, writeKey] = await harness.project();
});

afterAll(async () => {
  await harness?.stop();
  await rm(folder, { recursive: true, force: true });
});

describe('plain HTTP endpoints', () => {
  it('answers /healthz and /readyz while Kafka is reachable', async () => {
    expect((await fetch(`${harness.baseUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${harness.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.text()).toBe('ready\n');
  });

  it('exposes Prometheus metrics for requests, events, bytes, rejections and publish latency', async () => {
    const api = createClient(
      IngestService,
      createConnectTransport({ baseUrl: harness.baseUrl, httpVersion: '1.1' }),
    );
    await api.ingestBatch(sampleBatch(writeKey));
    await api.ingestBatch(sampleBatch('gs_unknown')).catch(() => {});
    const response = await fetch(`${harness.baseUrl}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('gosight_ingest_requests_total{code="ok",service="ingestor"} 1');
    expect(text).toContain('gosight_ingest_requests_total{code="unauthenticated",service="ingestor"} 1');
    expect(text).toContain('gosight_ingest_events_total{outcome="accepted",service="ingestor"} 2');
    expect(text).toContain('gosight_ingest_rejections_total{reason="unknown_key",service="ingestor"} 1');
    expect(text).toContain('gosight_kafka_publish_seconds_count{service="ingestor"} 1');
    expect(text).toMatch(/gosight_ingest_request_bytes_total\{service="ingestor"\} \d+/);
  });

  it('counts the events SDKs report as dropped, once per batch even when it is retried', async () => {
    const api = createClient(
      IngestService,
      createConnectTransport({ baseUrl: harness.baseUrl, httpVersion: '1.1' }),
    );
    const [projectId, key] = await harness.project();
    const batch = sampleBatch(key, { droppedEvents: 7 });
    await api.ingestBatch(batch);
    expect(await api.ingestBatch(batch)).toMatchObject({ duplicate: true });
    await api.ingestBatch(sampleBatch(key, { droppedEvents: 0 }));
    const text = await (await fetch(`${harness.baseUrl}/metrics`)).text();
    expect(text).toContain(`gosight_sdk_dropped_events_total{project="${projectId}",service="ingestor"} 7`);
  });

  it('serves the SDK snippet build with a cache header and CORS, and 404 when it is not built', async () => {
    const response = await fetch(`${harness.baseUrl}/sdk.js`, {
      headers: { origin: 'https://shop.example' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=120');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.text()).toBe('window.GoSight = {};\n');
    const recorder = await fetch(`${harness.baseUrl}/sdk-replay.js`);
    expect(recorder.status).toBe(200);
    expect(await recorder.text()).toBe('window.GoSightReplay = {};\n');
    const extras = await fetch(`${harness.baseUrl}/sdk-extras.js`);
    expect(extras.status).toBe(200);
    expect(extras.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await extras.text()).toBe('window.GoSightExtras = {};\n');
    await rm(sdkPath);
    const missing = await fetch(`${harness.baseUrl}/sdk.js`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('sdk.js is not built: run `npm run build -w sdk`');
  });

  it('answers a CORS preflight for the RPC', async () => {
    const response = await fetch(`${harness.baseUrl}/gosight.v1.IngestService/IngestBatch`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://shop.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,connect-protocol-version',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/Content-Encoding/);
  });
});

describe('graceful shutdown', () => {
  it('answers requests in progress only after Kafka acknowledged them; new connections are refused', async () => {
    const api = createClient(
      IngestService,
      createConnectTransport({ baseUrl: harness.baseUrl, httpVersion: '1.1' }),
    );
    const requests = Array.from({ length: 20 }, () => sampleBatch(writeKey));
    const calls = requests.map((request) => api.ingestBatch(request));
    await new Promise((resolve) => setTimeout(resolve, 1));
    const stopped = harness.ingestor.stop();
    const answers = await Promise.allSettled(calls);
    await stopped;
    const accepted = requests.filter((_, i) => answers[i]?.status === 'fulfilled');
    expect(accepted.length).toBeGreaterThan(0);
    for (const request of accepted) await harness.published(request.sessionId);
    for (const answer of answers)
      if (answer.status === 'rejected') expect(String(answer.reason)).toMatch(/ECONNREFUSED|ECONNRESET/);
  });
});
