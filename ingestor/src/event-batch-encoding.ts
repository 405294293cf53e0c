import { create, protoInt64, toBinary } from '@bufbuild/protobuf';
import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import { type Event, EventSchema } from '@gosight/proto/v1/events_pb';
import { type EventBatchRecord, EventBatchRecordSchema } from '@gosight/proto/v1/pipeline_pb';

// Tags of EventBatchRecord.events and Event.timestamp_ms, from the schema.
const EVENTS_TAG = new BinaryWriter()
  .tag(EventBatchRecordSchema.field.events!.number, WireType.LengthDelimited)
  .finish();
const TIMESTAMP_TAG = new BinaryWriter().tag(EventSchema.field.timestampMs!.number, WireType.Varint).finish();

// An event as it is published: its encoded bytes, and when the timestamp was
// corrected, the corrected timestamp_ms appended to them (for a scalar field
// the last value on the wire wins, so decoders read the corrected one).
export interface OutgoingEvent {
  bytes: Uint8Array;
  timestampMs: { lo: number; hi: number } | undefined;
  // Encoded size with the appended timestamp: what the per-event limit checks.
  size: number;
}

export function encodeEvent(event: Event): Uint8Array {
  return toBinary(EventSchema, event);
}

export function outgoingEvent(bytes: Uint8Array, correctedTimestampMs?: bigint): OutgoingEvent {
  if (correctedTimestampMs === undefined) return { bytes, timestampMs: undefined, size: bytes.length };
  const timestampMs = protoInt64.enc(correctedTimestampMs);
  return {
    bytes,
    timestampMs,
    size: bytes.length + TIMESTAMP_TAG.length + varint64Size(timestampMs.lo, timestampMs.hi),
  };
}

// The record's other fields, then one events field per event, written into one
// buffer without encoding the events again. Protobuf allows a message's fields
// in any order, so this decodes to the same message as toBinary of the whole record.
export function encodeEventBatchRecord(
  record: Omit<EventBatchRecord, 'events' | '$typeName' | '$unknown'>,
  events: OutgoingEvent[],
): Buffer {
  const head = toBinary(EventBatchRecordSchema, create(EventBatchRecordSchema, record));
  let total = head.length;
  for (const { size } of events) total += EVENTS_TAG.length + varint64Size(size, 0) + size;
  const out = Buffer.allocUnsafe(total);
  out.set(head, 0);
  let at = head.length;
  for (const { bytes, timestampMs, size } of events) {
    out.set(EVENTS_TAG, at);
    at = writeVarint64(out, at + EVENTS_TAG.length, size, 0);
    out.set(bytes, at);
    at += bytes.length;
    if (timestampMs) {
      out.set(TIMESTAMP_TAG, at);
      at = writeVarint64(out, at + TIMESTAMP_TAG.length, timestampMs.lo, timestampMs.hi);
    }
  }
  return out;
}

function varint64Size(lo: number, hi: number): number {
  if (hi === 0) {
    let size = 1;
    for (let v = lo >>> 7; v !== 0; v >>>= 7) size++;
    return size;
  }
  // 32 low bits take 5 bytes with the high bits' first 3; then 7 bits per byte.
  let size = 5;
  for (let v = hi >>> 3; v !== 0; v >>>= 7) size++;
  return size;
}

// Writes a varint of the 64-bit two's complement value hi:lo as protobuf-es's
// varint64write does; answers the position after it.
function writeVarint64(out: Uint8Array, at: number, lo: number, hi: number): number {
  for (let i = 0; i < 28; i += 7) {
    const shift = lo >>> i;
    const more = !(shift >>> 7 === 0 && hi === 0);
    out[at++] = (more ? shift | 0x80 : shift) & 0xff;
    if (!more) return at;
  }
  const split = ((lo >>> 28) & 0x0f) | ((hi & 0x07) << 4);
  const moreHigh = hi >> 3 !== 0;
  out[at++] = (moreHigh ? split | 0x80 : split) & 0xff;
  if (!moreHigh) return at;
  for (let i = 3; i < 31; i += 7) {
    const shift = hi >>> i;
    const more = shift >>> 7 !== 0;
    out[at++] = (more ? shift | 0x80 : shift) & 0xff;
    if (!more) return at;
  }
  out[at++] = (hi >>> 31) & 0x01;
  return at;
}
