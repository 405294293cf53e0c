import { fromBinary } from '@bufbuild/protobuf';
import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import { type Event, EventSchema } from '@gosight/proto/v1/events_pb';
import { encodeEvent } from './event-batch-encoding.ts';

const TIMESTAMP_FIELD = EventSchema.field.timestampMs!.number;

// One event of a request: decoded for validation, and, for binary requests,
// the bytes it arrived as, which are published without encoding it again.
export type IncomingEvent =
  | { event: Event; bytes: Uint8Array | undefined }
  | { event: undefined; bytes: Uint8Array; decodeError: string };

export function incomingFromDecoded(events: Event[]): IncomingEvent[] {
  return events.map((event) => ({ event, bytes: undefined }));
}

export function incomingFromBytes(events: Uint8Array[]): IncomingEvent[] {
  return events.map((bytes) => {
    try {
      return { event: fromBinary(EventSchema, bytes), bytes };
    } catch (error) {
      return { event: undefined, bytes, decodeError: error instanceof Error ? error.message : String(error) };
    }
  });
}

// The event to publish, its timestamp moved by skewMs. Received bytes get the
// corrected timestamp_ms appended: for a scalar field the last value on the
// wire wins, so decoders read the corrected one.
export function outgoingBytes(event: Event, bytes: Uint8Array | undefined, skewMs: bigint): Uint8Array {
  if (bytes === undefined) {
    event.timestampMs += skewMs;
    return encodeEvent(event);
  }
  if (skewMs === 0n) return bytes;
  const tail = new BinaryWriter()
    .tag(TIMESTAMP_FIELD, WireType.Varint)
    .int64(event.timestampMs + skewMs)
    .finish();
  const out = new Uint8Array(bytes.length + tail.length);
  out.set(bytes);
  out.set(tail, bytes.length);
  return out;
}
