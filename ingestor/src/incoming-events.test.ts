import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import { EventSchema } from '@gosight/proto/v1/events_pb';
import { describe, expect, it } from 'vitest';
import { incomingFromBytes, outgoingBytes } from './incoming-events.ts';

const event = create(EventSchema, {
  eventId: 'e1',
  timestampMs: 1_000n,
  sequence: 3,
  kind: { case: 'click', value: { pageX: 1.5, selector: '#buy' } },
});
const bytes = toBinary(EventSchema, event);

describe('outgoingBytes', () => {
  it('appends the corrected timestamp to received bytes, which decode to the corrected event', () => {
    const [incoming] = incomingFromBytes([bytes]);
    const out = outgoingBytes(incoming!.event!, incoming!.bytes, 250n);
    expect(fromBinary(EventSchema, out)).toEqual({ ...event, timestampMs: 1_250n });
  });

  it('publishes received bytes unchanged when there is no skew', () => {
    expect(outgoingBytes(event, bytes, 0n)).toBe(bytes);
  });

  it('encodes a decoded event (JSON request) with the corrected timestamp', () => {
    const copy = create(EventSchema, { ...event });
    expect(fromBinary(EventSchema, outgoingBytes(copy, undefined, -5n)).timestampMs).toBe(995n);
  });
});

describe('incomingFromBytes', () => {
  it('keeps an event that is not valid protobuf as a decode error', () => {
    const [incoming] = incomingFromBytes([new Uint8Array([0x0a, 0xff])]);
    expect(incoming?.event).toBeUndefined();
    expect(incoming && 'decodeError' in incoming && incoming.decodeError).toBeTruthy();
  });
});
