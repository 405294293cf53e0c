import { fromBinary } from '@bufbuild/protobuf';
import { type Event, EventSchema } from '@gosight/proto/v1/events_pb';
import { encodeEvent, type OutgoingEvent, outgoingEvent } from './event-batch-encoding.ts';
import { type CheckedEvent, checkEventWire } from './event-wire-check.ts';
import type { Violation } from './validate-batch.ts';
import { validateEvent } from './validate-event.ts';

// One event of a request. Binary requests keep the bytes each event arrived
// as, which are published without encoding it again: most events are checked
// on those bytes (`checked`); the others are decoded with protobuf-es, which
// names their problem. JSON requests arrive decoded.
export type IncomingEvent =
  | { checked: CheckedEvent; event: undefined; bytes: Uint8Array }
  | { checked: undefined; event: Event; bytes: Uint8Array | undefined }
  | { checked: undefined; event: undefined; bytes: Uint8Array; decodeError: string };

export function incomingFromDecoded(events: Event[]): IncomingEvent[] {
  return events.map((event) => ({ checked: undefined, event, bytes: undefined }));
}

export function incomingFromBytes(events: Uint8Array[]): IncomingEvent[] {
  return events.map((bytes) => {
    const checked = checkEventWire(bytes);
    if (checked) return { checked, event: undefined, bytes };
    try {
      return { checked: undefined, event: fromBinary(EventSchema, bytes), bytes };
    } catch (error) {
      return {
        checked: undefined,
        event: undefined,
        bytes,
        decodeError: error instanceof Error ? error.message : String(error),
      };
    }
  });
}

// The first problem of an event, or undefined when it is acceptable.
export function eventProblem(incoming: IncomingEvent, index: number): Violation | undefined {
  if (incoming.checked) return undefined;
  if (incoming.event === undefined)
    return { path: `events[${index}]`, reason: `is not a valid Event: ${incoming.decodeError}` };
  return validateEvent(incoming.event, index);
}

// The id of a decodable event.
export function eventIdOf(incoming: IncomingEvent): string | undefined {
  return incoming.checked?.eventId ?? incoming.event?.eventId;
}

// The event to publish, its timestamp moved by skewMs: received bytes get the
// corrected timestamp appended (see OutgoingEvent); a decoded event is encoded.
export function outgoingFrom(incoming: IncomingEvent, skewMs: bigint): OutgoingEvent {
  const { checked, event, bytes } = incoming;
  if (bytes === undefined) {
    event!.timestampMs += skewMs;
    return outgoingEvent(encodeEvent(event!));
  }
  if (skewMs === 0n) return outgoingEvent(bytes);
  return outgoingEvent(bytes, (checked ? checked.timestampMs : event!.timestampMs) + skewMs);
}
