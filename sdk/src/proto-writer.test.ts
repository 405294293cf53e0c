import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import {
  EventSchema,
  JsErrorKind,
  ReplayChunkSchema,
  ReplayEncoding,
  WebVitalName,
} from '@gosight/proto/v1/events_pb';
import { IngestBatchRequestSchema } from '@gosight/proto/v1/ingest_pb';
import { describe, expect, it } from 'vitest';
import { type EventInit, encodeBatch, encodeEvent, encodeReplayChunk } from './encode-batch.ts';

const base = {
  eventId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  timestampMs: 1_732_000_000_123n,
  sequence: 7,
};

// One event of every kind, with every field set (and some at their default).
const kinds: EventInit['kind'][] = [
  {
    case: 'pageView',
    value: {
      url: 'https://shop.example/a?utm_source=x',
      referrer: 'https://ref.example/',
      title: 'Ünïcødé ✓ 🚀',
      utm: { source: 'x', medium: 'm', campaign: 'c', term: 't', content: 'k' },
    },
  },
  {
    case: 'click',
    value: {
      pageX: 10.5,
      pageY: 2000,
      clientX: -3,
      clientY: 0,
      selector: '#a > b',
      tag: 'button',
      text: '*** **',
      targetXRatio: 0.25,
      targetYRatio: 1,
      targetWidth: 200,
      targetHeight: 100.5,
      viewportWidth: 1280,
      viewportHeight: 720,
      documentHeight: 4000,
      interactive: true,
      textField: false,
      modifierKey: true,
      pointerType: 'mouse',
      reaction: { observedMs: 1000, domMutationMs: 0, navigationMs: 300, focusChangeMs: 12 },
    },
  },
  { case: 'click', value: { selector: 'p', reaction: { observedMs: 1000 } } },
  { case: 'routeChange', value: { fromUrl: 'https://a/1', toUrl: 'https://a/2', title: 't' } },
  {
    case: 'pageLeave',
    value: {
      url: 'https://a/2',
      dwellMs: 12345,
      maxScrollDepthPx: 900,
      maxScrollDepthPercent: 45,
      documentHeight: 2000,
    },
  },
  { case: 'scroll', value: { depthPx: 1400, depthPercent: 70, documentHeight: 2000 } },
  {
    case: 'inputChange',
    value: { selector: '#email', tag: 'input', inputType: 'email', valueLength: 17, checked: false },
  },
  { case: 'inputChange', value: { selector: '#ok', tag: 'input', inputType: 'checkbox', checked: true } },
  {
    case: 'mouseMoves',
    value: {
      samples: [
        { offsetMs: 0, pageX: 1, pageY: 2, buttonPressed: false },
        { offsetMs: 50, pageX: 100.25, pageY: 3e6, buttonPressed: true },
      ],
    },
  },
  {
    case: 'jsError',
    value: {
      kind: JsErrorKind.UNHANDLED_REJECTION,
      message: 'TypeError: x is undefined',
      stack: 'at f (https://a/app.js:1:2)',
      source: 'https://a/app.js',
      line: 1,
      column: 2,
    },
  },
  { case: 'webVital', value: { name: WebVitalName.CLS, value: 0.031 } },
  {
    case: 'navigationTiming',
    value: { dnsMs: 1, connectMs: 2, ttfbMs: 30, domContentLoadedMs: 400, loadMs: 800, transferSize: 12_000 },
  },
  {
    case: 'custom',
    value: {
      name: 'checkout',
      properties: {
        plan: { value: { case: 'stringValue', value: 'pro' } },
        empty: { value: { case: 'stringValue', value: '' } },
        seats: { value: { case: 'numberValue', value: 0 } },
        annual: { value: { case: 'boolValue', value: false } },
      },
    },
  },
  {
    case: 'identify',
    value: { userId: 'user-42', traits: { vip: { value: { case: 'boolValue', value: true } } } },
  },
];

describe('the hand-written protobuf encoder', () => {
  it.each(kinds.map((kind) => [kind?.case, kind] as const))(
    'writes a %s event as toBinary does',
    (_, kind) => {
      const init: EventInit = { ...base, url: 'https://a/', kind };
      const bytes = encodeEvent(init);
      const expected = create(EventSchema, init);
      expect(fromBinary(EventSchema, bytes)).toEqual(expected);
      expect(bytes).toEqual(toBinary(EventSchema, expected));
    },
  );

  it('writes a replay chunk as toBinary does', () => {
    const init = {
      sequence: 3,
      firstTimestampMs: 1n,
      lastTimestampMs: 1_732_000_000_999n,
      eventCount: 2,
      hasFullSnapshot: true,
      encoding: ReplayEncoding.GZIP_JSON,
      data: new Uint8Array([31, 139, 8, 0, 255]),
    };
    const bytes = encodeReplayChunk(init);
    expect(fromBinary(ReplayChunkSchema, bytes)).toEqual(create(ReplayChunkSchema, init));
    expect(bytes).toEqual(toBinary(ReplayChunkSchema, create(ReplayChunkSchema, init)));
  });

  it('writes a whole batch that decodes as IngestBatchRequest, byte for byte', () => {
    const events = kinds.map((kind, i) => ({ ...base, sequence: i, kind }));
    const chunk = {
      sequence: 0,
      eventCount: 1,
      hasFullSnapshot: true,
      encoding: ReplayEncoding.JSON,
      data: new Uint8Array([91, 93]),
    };
    const head = {
      projectKey: 'gs_key',
      batchId: 'b-1',
      sessionId: 's-1',
      deviceId: 'd-1',
      tabId: 't-1',
      page: { url: 'https://a/', referrer: '', title: 'A', viewportWidth: 1280, viewportHeight: 720 },
      sentAtMs: 1_732_000_000_500,
      droppedEvents: 7,
    };
    const bytes = encodeBatch(head, events.map(encodeEvent), [encodeReplayChunk(chunk)]);
    const expected = create(IngestBatchRequestSchema, {
      ...head,
      sentAtMs: BigInt(head.sentAtMs),
      events,
      replayChunks: [chunk],
    });
    expect(fromBinary(IngestBatchRequestSchema, bytes)).toEqual(expected);
    expect(bytes).toEqual(toBinary(IngestBatchRequestSchema, expected));
  });
});
