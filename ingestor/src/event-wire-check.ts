import { WireType } from '@bufbuild/protobuf/wire';
import {
  ClickSchema,
  EventSchema,
  JsErrorSchema,
  MouseMovesSchema,
  MouseSampleSchema,
  PageViewSchema,
  RouteChangeSchema,
  WebVitalSchema,
} from '@gosight/proto/v1/events_pb';
import { MAX_ID_LENGTH } from './validate-batch.ts';
import { MAX_MOUSE_SAMPLES } from './validate-event.ts';
import { planFor } from './wire-plan.ts';
import { readTag, skimField, skimMessage, skimStringAt, skipKnown, WireReader } from './wire-skim.ts';

// What the ingestor needs of an event it publishes as received.
export interface CheckedEvent {
  eventId: string;
  timestampMs: bigint;
}

// An event checked on its bytes, without building protobuf-es messages (that
// decode and its garbage were the largest CPU cost per event). Answers the
// event's id and timestamp only when fromBinary would decode the bytes and
// validateEvent accept the result; undefined otherwise, and also whenever it
// is unsure (custom and identify events, repeated oneof members, unknown
// fields): the caller then decodes with protobuf-es, which names the problem.
export function checkEventWire(bytes: Uint8Array): CheckedEvent | undefined {
  try {
    return check(reader.reset(bytes));
  } catch {
    return undefined;
  }
}

const EVENT = planFor(EventSchema);
const ID = EventSchema.field.eventId!.number;
const TIMESTAMP = EventSchema.field.timestampMs!.number;
const KINDS = new Set(EventSchema.oneofs.find((o) => o.name === 'kind')!.fields.map((f) => f.number));
const decoder = new TextDecoder();
// One for every event: checks run one at a time, start to end.
const reader = new WireReader();

function check(r: WireReader): CheckedEvent | undefined {
  let idStart = 0;
  let idEnd = 0;
  let timestampMs = 0n;
  let kind = 0;
  let kindStart = 0;
  let kindEnd = 0;
  while (r.pos < r.len) {
    const tag = readTag(r);
    const no = tag >>> 3;
    const plan = tag < 0 ? undefined : EVENT[no];
    if (plan === undefined || (tag & 7) !== plan.wire) return undefined;
    if (no === TIMESTAMP) timestampMs = r.int64();
    else if (no === ID) {
      idStart = skimStringAt(r);
      if (idStart < 0) return undefined;
      idEnd = r.pos;
    } else if (KINDS.has(no)) {
      // Two oneof members, or one twice (merged), are left to protobuf-es.
      if (kind !== 0) return undefined;
      kind = no;
      const len = r.uint32();
      kindStart = r.pos;
      kindEnd = kindStart + len;
      if (kindEnd > r.len || !skimMessage(r, plan.message!, kindEnd, 1)) return undefined;
    } else if (!skimField(r, plan, tag & 7, 0)) return undefined;
  }
  if (r.pos !== r.len || kind === 0 || timestampMs <= 0n || idEnd === idStart) return undefined;
  const eventId = decoder.decode(r.data.subarray(idStart, idEnd));
  if (eventId.length > MAX_ID_LENGTH) return undefined;
  r.pos = kindStart;
  const valid = KIND_CHECKS.get(kind);
  return valid?.(r, kindEnd) ? { eventId, timestampMs } : undefined;
}

const finiteDoubles = (numbers: number[]) => (r: WireReader, end: number) => {
  while (r.pos < end) {
    const tag = readTag(r);
    if ((tag & 7) === WireType.Bit64 && numbers.includes(tag >>> 3)) {
      if (!r.finiteDouble()) return false;
    } else skipKnown(r, tag & 7);
  }
  return true;
};

// The last value of a length-delimited field is not empty.
const lastNotEmpty = (no: number) => (r: WireReader, end: number) => {
  let length = 0;
  while (r.pos < end) {
    const tag = readTag(r);
    if (tag >>> 3 === no && (tag & 7) === WireType.LengthDelimited) {
      length = r.uint32();
      r.pos += length;
    } else skipKnown(r, tag & 7);
  }
  return length > 0;
};

// The last value of an enum field is set, and the doubles are finite.
const enumSet =
  (no: number, doubles: number[] = []) =>
  (r: WireReader, end: number) => {
    let value = 0;
    while (r.pos < end) {
      const tag = readTag(r);
      if (tag >>> 3 === no && (tag & 7) === WireType.Varint) value = r.int32();
      else if ((tag & 7) === WireType.Bit64 && doubles.includes(tag >>> 3)) {
        if (!r.finiteDouble()) return false;
      } else skipKnown(r, tag & 7);
    }
    return value !== 0;
  };

const SAMPLES = MouseMovesSchema.field.samples!.number;
const samplePosition = finiteDoubles([
  MouseSampleSchema.field.pageX!.number,
  MouseSampleSchema.field.pageY!.number,
]);

function mouseMoves(r: WireReader, end: number): boolean {
  let count = 0;
  while (r.pos < end) {
    const tag = readTag(r);
    if (tag >>> 3 !== SAMPLES) {
      skipKnown(r, tag & 7);
      continue;
    }
    const sampleEnd = r.uint32() + r.pos;
    if (!samplePosition(r, sampleEnd)) return false;
    count++;
  }
  return count > 0 && count <= MAX_MOUSE_SAMPLES;
}

const always = () => true;
const field = (schema: { field: Record<string, { number: number } | undefined> }, name: string) =>
  schema.field[name]!.number;

// By oneof field number: what validateEvent checks of each kind. Custom and
// identify (property maps) are missing: protobuf-es checks those.
const KIND_CHECKS = new Map<number, (r: WireReader, end: number) => boolean>([
  [field(EventSchema, 'pageView'), lastNotEmpty(field(PageViewSchema, 'url'))],
  [field(EventSchema, 'routeChange'), lastNotEmpty(field(RouteChangeSchema, 'toUrl'))],
  [
    field(EventSchema, 'click'),
    finiteDoubles(['pageX', 'pageY', 'targetXRatio', 'targetYRatio'].map((n) => field(ClickSchema, n))),
  ],
  [field(EventSchema, 'mouseMoves'), mouseMoves],
  [field(EventSchema, 'jsError'), enumSet(field(JsErrorSchema, 'kind'))],
  [field(EventSchema, 'webVital'), enumSet(field(WebVitalSchema, 'name'), [field(WebVitalSchema, 'value')])],
  [field(EventSchema, 'pageLeave'), always],
  [field(EventSchema, 'scroll'), always],
  [field(EventSchema, 'inputChange'), always],
  [field(EventSchema, 'navigationTiming'), always],
]);
