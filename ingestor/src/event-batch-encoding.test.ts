import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import { EventSchema } from '@gosight/proto/v1/events_pb';
import { ClientInfoSchema, DeviceType, EventBatchRecordSchema } from '@gosight/proto/v1/pipeline_pb';
import { describe, expect, it } from 'vitest';
import { encodeEvent, encodeEventBatchRecord, outgoingEvent } from './event-batch-encoding.ts';

describe('encodeEventBatchRecord', () => {
  it('decodes to the same record as encoding it whole', () => {
    const events = [
      create(EventSchema, {
        eventId: 'a',
        timestampMs: 5n,
        kind: { case: 'pageView', value: { url: 'https://a.example' } },
      }),
      create(EventSchema, {
        eventId: 'b',
        timestampMs: 6n,
        kind: { case: 'click', value: { pageX: 1.5, selector: '#b' } },
      }),
    ];
    const fields = {
      projectId: 'p',
      sessionId: 's',
      deviceId: 'd',
      batchId: 'batch',
      receivedAtMs: 10n,
      page: undefined,
      userAgent: 'ua',
      clockSkewMs: -3n,
      client: create(ClientInfoSchema, {
        browser: 'Firefox',
        deviceType: DeviceType.DESKTOP,
      }),
      tabId: 't',
    };
    const spliced = encodeEventBatchRecord(
      fields,
      events.map((e) => outgoingEvent(encodeEvent(e))),
    );
    const whole = create(EventBatchRecordSchema, { ...fields, events });
    expect(fromBinary(EventBatchRecordSchema, spliced)).toEqual(whole);
    expect(spliced.length).toBe(toBinary(EventBatchRecordSchema, whole).length);
  });

  it.each([
    ['a small timestamp', 1_700_000_000_000n],
    ['zero', 0n],
    ['the largest int64', 2n ** 63n - 1n],
    ['a negative one (10 bytes on the wire)', -5n],
    ['the smallest int64', -(2n ** 63n)],
    ['2^32', 2n ** 32n],
    ['2^35 - 1', 2n ** 35n - 1n],
  ])('appends a corrected timestamp of %s that decoders read, sized exactly', (_, timestampMs) => {
    const event = create(EventSchema, { eventId: 'a', timestampMs: 7n, kind: { case: 'scroll', value: {} } });
    const outgoing = outgoingEvent(encodeEvent(event), timestampMs);
    const head = {
      projectId: 'p',
      sessionId: 's',
      deviceId: 'd',
      batchId: 'b',
      receivedAtMs: 1n,
      userAgent: '',
      clockSkewMs: 0n,
      tabId: '',
    };
    const record = encodeEventBatchRecord(head, [outgoing, outgoing]);
    const decoded = fromBinary(EventBatchRecordSchema, record);
    expect(decoded.events).toEqual([
      { ...event, timestampMs },
      { ...event, timestampMs },
    ]);
    const tail = new BinaryWriter().tag(2, WireType.Varint).int64(timestampMs).finish();
    expect(outgoing.size).toBe(outgoing.bytes.length + tail.length);
  });
});
