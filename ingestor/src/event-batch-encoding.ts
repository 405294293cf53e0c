import { create, toBinary } from '@bufbuild/protobuf';
import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import { type Event, EventSchema } from '@gosight/proto/v1/events_pb';
import { type EventBatchRecord, EventBatchRecordSchema } from '@gosight/proto/v1/pipeline_pb';

// Field number of EventBatchRecord.events, checked against the schema at load.
const EVENTS_FIELD = EventBatchRecordSchema.field.events!.number;

// Each event is encoded once: its bytes give its size for the per-event
// limit and are then spliced into the record. Protobuf allows a message's
// fields in any order, so the record's other fields followed by its repeated
// events field decode to the same message as toBinary of the whole record.
export function encodeEvent(event: Event): Uint8Array {
  return toBinary(EventSchema, event);
}

export function encodeEventBatchRecord(
  record: Omit<EventBatchRecord, 'events' | '$typeName' | '$unknown'>,
  encodedEvents: Uint8Array[],
): Buffer {
  const head = toBinary(EventBatchRecordSchema, create(EventBatchRecordSchema, record));
  const writer = new BinaryWriter();
  writer.raw(head);
  for (const bytes of encodedEvents) writer.tag(EVENTS_FIELD, WireType.LengthDelimited).bytes(bytes);
  const out = writer.finish();
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}
