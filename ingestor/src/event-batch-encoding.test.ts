import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import { EventSchema } from '@gosight/proto/v1/events_pb';
import { ClientInfoSchema, DeviceType, EventBatchRecordSchema } from '@gosight/proto/v1/pipeline_pb';
import { describe, expect, it } from 'vitest';
import { encodeEvent, encodeEventBatchRecord } from './event-batch-encoding.ts';

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
    const spliced = encodeEventBatchRecord(fields, events.map(encodeEvent));
    const whole = create(EventBatchRecordSchema, { ...fields, events });
    expect(fromBinary(EventBatchRecordSchema, spliced)).toEqual(whole);
    expect(spliced.length).toBe(toBinary(EventBatchRecordSchema, whole).length);
  });
});
