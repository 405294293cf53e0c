import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import { EventSchema } from '@gosight/proto/v1/events_pb';
import { EventBatchRecordSchema } from '@gosight/proto/v1/pipeline_pb';
import { describe, expect, it } from 'vitest';
import { encodeEventBatchRecord } from './event-batch-encoding.ts';
import {
  eventIdOf,
  eventProblem,
  incomingFromBytes,
  incomingFromDecoded,
  outgoingFrom,
} from './incoming-events.ts';

const event = create(EventSchema, {
  eventId: 'e1',
  timestampMs: 1_000n,
  sequence: 3,
  kind: { case: 'click', value: { pageX: 1.5, selector: '#buy' } },
});
const bytes = toBinary(EventSchema, event);
const head = {
  projectId: 'p',
  sessionId: 's',
  deviceId: 'd',
  batchId: 'b',
  receivedAtMs: 5n,
  userAgent: '',
  clockSkewMs: 250n,
  tabId: '',
};

describe('outgoingFrom', () => {
  it('appends the corrected timestamp to received bytes, which decode to the corrected event', () => {
    const [incoming] = incomingFromBytes([bytes]);
    const out = outgoingFrom(incoming!, 250n);
    const record = encodeEventBatchRecord(head, [out]);
    expect(fromBinary(EventBatchRecordSchema, record).events).toEqual([{ ...event, timestampMs: 1_250n }]);
    expect(out.size).toBe(bytes.length + 3);
  });

  it('publishes received bytes unchanged when there is no skew', () => {
    const [incoming] = incomingFromBytes([bytes]);
    expect(outgoingFrom(incoming!, 0n)).toEqual({ bytes, timestampMs: undefined, size: bytes.length });
  });

  it('encodes a decoded event (JSON request) with the corrected timestamp', () => {
    const [incoming] = incomingFromDecoded([create(EventSchema, { ...event })]);
    const out = outgoingFrom(incoming!, -5n);
    expect(fromBinary(EventSchema, out.bytes).timestampMs).toBe(995n);
  });
});

describe('incomingFromBytes', () => {
  it('checks a valid event on its bytes, without decoding it', () => {
    const [incoming] = incomingFromBytes([bytes]);
    expect(incoming?.checked).toEqual({ eventId: 'e1', timestampMs: 1_000n });
    expect(incoming?.event).toBeUndefined();
    expect(eventIdOf(incoming!)).toBe('e1');
    expect(eventProblem(incoming!, 0)).toBeUndefined();
  });

  it('decodes an invalid event with protobuf-es, which names the field', () => {
    const invalid = toBinary(EventSchema, create(EventSchema, { ...event, timestampMs: 0n }));
    const [incoming] = incomingFromBytes([invalid]);
    expect(incoming?.checked).toBeUndefined();
    expect(eventIdOf(incoming!)).toBe('e1');
    expect(eventProblem(incoming!, 4)).toEqual({
      path: 'events[4].timestamp_ms',
      reason: 'must be positive',
    });
  });

  it('keeps an event that is not valid protobuf as a decode error', () => {
    const [incoming] = incomingFromBytes([new Uint8Array([0x0a, 0xff])]);
    expect(incoming?.event).toBeUndefined();
    expect(incoming && 'decodeError' in incoming && incoming.decodeError).toBeTruthy();
    expect(eventProblem(incoming!, 0)?.reason).toMatch(/^is not a valid Event: /);
  });
});
