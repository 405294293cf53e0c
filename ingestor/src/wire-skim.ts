import { protoInt64, ScalarType } from '@bufbuild/protobuf';
import { getTextEncoding, WireType } from '@bufbuild/protobuf/wire';
import type { FieldPlan, MessagePlan } from './wire-plan.ts';

// Walks a message's bytes without building it: every field is checked against
// the schema (known number, expected wire type, bounds, UTF-8 of strings,
// nested messages ending where their length says) and skipped. It answers
// false for anything it does not fully understand (unknown fields, groups,
// repeated oneof members are the caller's business), so "true" means
// fromBinary would decode the same bytes without an error; "false" only means
// "decode them with protobuf-es to find out".

// Deeper than any message of ours; fromBinary allows 100.
const MAX_DEPTH = 32;

// The reads of @bufbuild/protobuf's BinaryReader that the skim needs, with the
// same results and the same failures (a throw wherever BinaryReader throws),
// but reusable for many messages and without a DataView: one reader serves
// every event, and a double is only checked for being finite.
export class WireReader {
  data: Uint8Array = new Uint8Array(0);
  pos = 0;
  len = 0;

  reset(bytes: Uint8Array): this {
    this.data = bytes;
    this.pos = 0;
    this.len = bytes.length;
    return this;
  }

  private assertBounds() {
    if (this.pos > this.len) throw new RangeError('premature EOF');
  }

  // BinaryReader.uint32 (varint32read): up to 10 bytes, the low 32 bits.
  uint32(): number {
    const buf = this.data;
    let b = buf[this.pos++] as number;
    let result = b & 0x7f;
    for (let shift = 7; shift < 28 && b & 0x80; shift += 7) {
      b = buf[this.pos++] as number;
      result |= (b & 0x7f) << shift;
    }
    if (b & 0x80) {
      b = buf[this.pos++] as number;
      result |= (b & 0x0f) << 28;
      for (let read = 5; (b & 0x80) !== 0 && read < 10; read++) b = buf[this.pos++] as number;
      if (b & 0x80) throw new Error('invalid varint');
      this.assertBounds();
      return result >>> 0;
    }
    this.assertBounds();
    return result;
  }

  int32(): number {
    return this.uint32() | 0;
  }

  // BinaryReader.int64 (varint64read).
  int64(): bigint {
    const buf = this.data;
    let lo = 0;
    let hi = 0;
    for (let shift = 0; shift < 28; shift += 7) {
      const b = buf[this.pos++] as number;
      lo |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) return this.int64Of(lo, hi);
    }
    const middle = buf[this.pos++] as number;
    lo |= (middle & 0x0f) << 28;
    hi = (middle & 0x70) >> 4;
    if ((middle & 0x80) === 0) return this.int64Of(lo, hi);
    for (let shift = 3; shift <= 31; shift += 7) {
      const b = buf[this.pos++] as number;
      hi |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) return this.int64Of(lo, hi);
    }
    throw new Error('invalid varint');
  }

  private int64Of(lo: number, hi: number): bigint {
    this.assertBounds();
    return protoInt64.dec(lo, hi) as bigint;
  }

  // Reads a double (8 bytes, little-endian) and answers whether it is finite:
  // not finite exactly when all 11 exponent bits are set.
  finiteDouble(): boolean {
    const at = this.pos;
    this.pos += 8;
    if (this.pos > this.len) throw new RangeError('premature EOF');
    const buf = this.data;
    return ((buf[at + 7] as number) & 0x7f) !== 0x7f || ((buf[at + 6] as number) & 0xf0) !== 0xf0;
  }
}

// Reads a tag as BinaryReader.tag() does, without its array; -1 where tag() would throw.
export function readTag(r: WireReader): number {
  const start = r.pos;
  const tag = r.uint32();
  const read = r.pos - start;
  if (read > 5 || (read === 5 && (r.data[r.pos - 1] as number) > 0x0f)) return -1;
  return tag >>> 3 > 0 && (tag & 7) <= 5 ? tag : -1;
}

// Advances over a varint of at most 10 bytes (what BinaryReader accepts).
function skipVarint(r: WireReader): boolean {
  const { data: buf } = r;
  for (let i = 0; i < 10; i++) if (((buf[r.pos++] as number) & 0x80) === 0) return r.pos <= r.len;
  return false;
}

const { decodeUtf8 } = getTextEncoding();

// Skims a string (length first); answers where its bytes start, or -1.
export function skimStringAt(r: WireReader): number {
  const len = r.uint32();
  const start = r.pos;
  const end = start + len;
  if (end > r.len) return -1;
  const { data: buf } = r;
  for (let i = start; i < end; i++) {
    if ((buf[i] as number) >= 0x80) {
      // Not ASCII: the same strict decoder fromBinary uses decides.
      try {
        decodeUtf8(buf.subarray(start, end), true);
      } catch {
        return -1;
      }
      break;
    }
  }
  r.pos = end;
  return start;
}

function skimScalar(r: WireReader, plan: FieldPlan): boolean {
  switch (plan.wire) {
    case WireType.Varint:
      return skipVarint(r);
    case WireType.Bit64:
      r.pos += 8;
      return r.pos <= r.len;
    case WireType.Bit32:
      r.pos += 4;
      return r.pos <= r.len;
    default: {
      if (plan.scalar === ScalarType.STRING) return skimStringAt(r) >= 0;
      const end = r.uint32() + r.pos;
      r.pos = end;
      return end <= r.len;
    }
  }
}

function skimValue(r: WireReader, plan: FieldPlan, depth: number): boolean {
  if (plan.message === undefined) return skimScalar(r, plan);
  const end = r.uint32() + r.pos;
  return end <= r.len && skimMessage(r, plan.message, end, depth + 1);
}

function skimMapEntry(r: WireReader, key: FieldPlan, value: FieldPlan, depth: number): boolean {
  const end = r.uint32() + r.pos;
  if (end > r.len) return false;
  while (r.pos < end) {
    const tag = readTag(r);
    if (tag === (1 << 3) + key.wire) {
      if (!skimScalar(r, key)) return false;
    } else if (tag === (2 << 3) + value.wire) {
      if (!skimValue(r, value, depth)) return false;
    } else return false;
  }
  return r.pos === end;
}

// Skims one field whose tag (with wire type wire) was just read.
export function skimField(r: WireReader, plan: FieldPlan, wire: number, depth: number): boolean {
  if (wire !== WireType.LengthDelimited || !plan.packable) {
    if (wire !== plan.wire) return false;
    if (plan.mapKey && plan.mapValue) return skimMapEntry(r, plan.mapKey, plan.mapValue, depth);
    return skimValue(r, plan, depth);
  }
  const end = r.uint32() + r.pos;
  if (end > r.len) return false;
  while (r.pos < end) if (!skimScalar(r, plan)) return false;
  return r.pos === end;
}

// Skims fields up to end; true when all are as the plan expects and the last ends at end.
export function skimMessage(r: WireReader, plan: MessagePlan, end: number, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  while (r.pos < end) {
    const tag = readTag(r);
    const field = tag < 0 ? undefined : plan[tag >>> 3];
    if (field === undefined || !skimField(r, field, tag & 7, depth)) return false;
  }
  return r.pos === end;
}

// Moves past a field of an already skimmed message.
export function skipKnown(r: WireReader, wire: number) {
  if (wire === WireType.Varint) skipVarint(r);
  else if (wire === WireType.Bit64) r.pos += 8;
  else if (wire === WireType.Bit32) r.pos += 4;
  else {
    // Not `r.pos += r.uint32()`: that adds to the position before the length.
    const length = r.uint32();
    r.pos += length;
  }
}
