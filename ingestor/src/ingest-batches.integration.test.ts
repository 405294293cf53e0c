import { Code, ConnectError, createClient } from '@connectrpc/connect';
import { compressionGzip, createConnectTransport } from '@connectrpc/connect-node';
import { uniqueId } from '@gosight/common/test-infra';
import { IngestService } from '@gosight/proto/v1/ingest_pb';
import { DeviceType } from '@gosight/proto/v1/pipeline_pb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, sampleBatch, startHarness } from './test-harness.ts';

const FIREFOX_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:128.0) Gecko/20100101 Firefox/128.0';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

let harness: Harness;
let projectId: string;
let writeKey: string;

function client(headers: Record<string, string> = {}, gzip = false) {
  return createClient(
    IngestService,
    createConnectTransport({
      baseUrl: harness.baseUrl,
      httpVersion: '1.1',
      useBinaryFormat: true,
      ...(gzip && { sendCompression: compressionGzip, compressMinBytes: 1 }),
      interceptors: [
        (next) => (request) => {
          for (const [name, value] of Object.entries(headers)) request.header.set(name, value);
          return next(request);
        },
      ],
    }),
  );
}

beforeAll(async () => {
  harness = await startHarness('ingest_batches', {
    countryHeader: 'cf-ipcountry',
    botUserAgents: ['bot', 'spider'],
  });
  [projectId, writeKey] = await harness.project();
});

afterAll(async () => {
  await harness?.stop();
});

describe('a batch with invalid events', () => {
  it('rejects only those events, naming each field, and publishes the rest', async () => {
    const request = sampleBatch(writeKey);
    const now = BigInt(Date.now());
    request.events.push(
      {
        $typeName: 'gosight.v1.Event',
        eventId: '',
        timestampMs: now,
        sequence: 3,
        url: '',
        kind: { case: undefined },
      },
      {
        ...request.events[1]!,
        eventId: uniqueId('ev'),
        sequence: 4,
        kind: { case: 'custom', value: { $typeName: 'gosight.v1.CustomEvent', name: '', properties: {} } },
      },
      { ...request.events[0]!, sequence: 5 },
    );
    const response = await client().ingestBatch(request);
    expect(response.acceptedEvents).toBe(2);
    expect(response.rejectedEvents.map(({ index, field, reason }) => ({ index, field, reason }))).toEqual([
      { index: 2, field: 'events[2].event_id', reason: 'is required' },
      { index: 3, field: 'events[3].custom.name', reason: 'is required' },
      { index: 4, field: 'events[4].event_id', reason: 'repeats an earlier event of this batch' },
    ]);
    expect(response.rejectedEvents[1]?.eventId).toBe(request.events[3]?.eventId);
    const published = await harness.published(request.sessionId);
    expect(published.events.map((event) => event.sequence)).toEqual([1, 2]);
  });

  it('still fails the whole batch when a batch-level field is invalid, naming every field', async () => {
    const request = sampleBatch(writeKey, { sessionId: '', deviceId: 'x'.repeat(200) });
    request.events[0]!.eventId = '';
    const error = ConnectError.from(
      await client()
        .ingestBatch(request)
        .catch((e: unknown) => e),
    );
    expect(error.code).toBe(Code.InvalidArgument);
    expect(error.rawMessage).toBe(
      'invalid batch: session_id: is required; device_id: is longer than 128 characters; events[0].event_id: is required',
    );
  });
});

describe('a retried batch', () => {
  it('is answered as a duplicate with the first counts and published once', async () => {
    const request = sampleBatch(writeKey);
    const first = await client().ingestBatch(request);
    expect(first.duplicate).toBe(false);
    const again = await client().ingestBatch(request);
    expect(again).toMatchObject({ duplicate: true, acceptedEvents: 2, acceptedReplayChunks: 1 });
    await harness.published(request.sessionId);
    // A later batch of the same session proves the retry would have arrived by now.
    const later = sampleBatch(writeKey, { sessionId: request.sessionId });
    await client().ingestBatch(later);
    await harness.published(request.sessionId);
    await expectEventually(() => harness.events.some((record) => record.batchId === later.batchId));
    expect(harness.events.filter((record) => record.batchId === request.batchId)).toHaveLength(1);
    await expectEventually(
      () => harness.replay.filter((record) => record.sessionId === request.sessionId).length >= 2,
    );
    expect(harness.replay.filter((record) => record.sessionId === request.sessionId)).toHaveLength(2);
  });
});

describe('enrichment', () => {
  it('corrects timestamps by the clock skew and derives client info without the raw IP', async () => {
    const sentAt = BigInt(Date.now() - 60_000);
    const request = sampleBatch(writeKey, { sentAtMs: sentAt, tabId: 'tab-7' });
    for (const event of request.events) event.timestampMs = sentAt - 500n;
    await client({ 'user-agent': FIREFOX_MAC, 'cf-ipcountry': 'de' }).ingestBatch(request);
    const record = await harness.published(request.sessionId);
    expect(record.projectId).toBe(projectId);
    expect(record.tabId).toBe('tab-7');
    const skew = record.clockSkewMs;
    expect(skew).toBeGreaterThanOrEqual(60_000n);
    expect(skew).toBeLessThan(70_000n);
    expect(record.events[0]?.timestampMs).toBe(sentAt - 500n + skew);
    expect(record.receivedAtMs - record.events[0]!.timestampMs).toBe(500n);
    expect(record.client).toMatchObject({
      browser: 'Firefox',
      browserVersion: '128.0',
      os: 'Mac OS',
      osVersion: '10.15',
      deviceType: DeviceType.DESKTOP,
      country: 'DE',
    });
    expect(record.client?.ipHash).toMatch(/^[0-9a-f]{64}$/);
    await expectEventually(() => harness.replay.some((chunk) => chunk.sessionId === request.sessionId));
    const replay = harness.replay.find((chunk) => chunk.sessionId === request.sessionId);
    expect(replay?.tabId).toBe('tab-7');
    const everything = JSON.stringify(
      [...harness.events, ...harness.replay].map((r) => ({ ...r, events: undefined, chunk: undefined })),
      (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value),
    );
    expect(everything).not.toContain('127.0.0.1');
  });

  it('gives the same visitor the same IP hash and recognises a phone', async () => {
    const a = sampleBatch(writeKey);
    const b = sampleBatch(writeKey);
    await client({ 'user-agent': SAFARI_IPHONE }).ingestBatch(a);
    await client({ 'user-agent': FIREFOX_MAC }).ingestBatch(b);
    const [recordA, recordB] = [await harness.published(a.sessionId), await harness.published(b.sessionId)];
    expect(recordA.client?.ipHash).toBe(recordB.client?.ipHash);
    expect(recordA.client).toMatchObject({ os: 'iOS', deviceType: DeviceType.MOBILE, country: '' });
  });

  it('accepts a gzip-compressed request body', async () => {
    const request = sampleBatch(writeKey);
    const response = await client({}, true).ingestBatch(request);
    expect(response.acceptedEvents).toBe(2);
    await harness.published(request.sessionId);
  });
});

describe('bots', () => {
  it('answers OK with nothing accepted, publishes nothing and counts the batch', async () => {
    const request = sampleBatch(writeKey);
    const response = await client({ 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1)' }).ingestBatch(
      request,
    );
    expect(response).toMatchObject({ acceptedEvents: 0, acceptedReplayChunks: 0, duplicate: false });
    const metrics = await (await fetch(`${harness.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/gosight_ingest_bot_batches_total\{service="ingestor"\} 1/);
    const control = sampleBatch(writeKey, { sessionId: `${request.sessionId}-control` });
    await client().ingestBatch(control);
    await harness.published(control.sessionId);
    expect(harness.events.some((record) => record.sessionId === request.sessionId)).toBe(false);
  });
});

async function expectEventually(check: () => boolean) {
  const deadline = Date.now() + 15_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met within 15 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
