import type { FieldType, MessageSchema, Numbered, Oneof, Scalar } from './proto-schema.ts';

type Fields = Record<string, unknown>;

const LEN = 2;
const VARINT = 0;
const I64 = 1;
const utf8 = new TextEncoder();
const float = new DataView(new ArrayBuffer(8));

// Accumulates small writes in a number array and large byte strings as
// parts, joined once at the end. Integers are unsigned here: every integer
// the SDK sends (uint32, enums, epoch-ms int64) is >= 0.
class Writer {
  private parts: Uint8Array[] = [];
  private buf: number[] = [];

  varint(value: number): this {
    let v = Math.max(0, Math.floor(value));
    while (v > 127) {
      this.buf.push((v % 128) | 128);
      v = Math.floor(v / 128);
    }
    this.buf.push(v);
    return this;
  }

  tag(no: number, wire: number): this {
    return this.varint(no * 8 + wire);
  }

  double(value: number): this {
    float.setFloat64(0, value, true);
    for (let i = 0; i < 8; i++) this.buf.push(float.getUint8(i));
    return this;
  }

  bytes(value: Uint8Array): this {
    this.varint(value.byteLength);
    if (value.byteLength < 64) {
      for (const byte of value) this.buf.push(byte);
    } else {
      this.flush();
      this.parts.push(value);
    }
    return this;
  }

  raw(value: Uint8Array): this {
    this.flush();
    this.parts.push(value);
    return this;
  }

  finish(): Uint8Array {
    this.flush();
    if (this.parts.length === 1) return this.parts[0]!;
    const out = new Uint8Array(this.parts.reduce((n, part) => n + part.byteLength, 0));
    let offset = 0;
    for (const part of this.parts) {
      out.set(part, offset);
      offset += part.byteLength;
    }
    return out;
  }

  private flush(): void {
    if (this.buf.length > 0) this.parts.push(new Uint8Array(this.buf));
    this.buf = [];
  }
}

// Writes a plain object (protobuf-es init shape: camelCase names, oneofs as
// { case, value }, maps as records) in the protobuf binary format as
// protobuf-es' toBinary does: declaration order, proto3 defaults left out.
export function encodeMessage(schema: MessageSchema, message: object, writer = new Writer()): Uint8Array {
  const value = message as Fields;
  let no = 0;
  const numbered = <T>(entry: Numbered<T>): T => {
    if (Array.isArray(entry)) {
      no = entry[0];
      return entry[1];
    }
    no++;
    return entry;
  };
  for (const name in schema) {
    const field = schema[name]!;
    const v = value[name] as { case?: string; value?: unknown } | null | undefined;
    const oneof = (field as Partial<Oneof>).oneof;
    if (!oneof) {
      const type = numbered(field as Numbered<FieldType>);
      if (v !== undefined && v !== null) writeField(writer, no, type, v);
      continue;
    }
    for (const member in oneof) {
      const type = numbered(oneof[member]!);
      if (v?.case !== member || v.value === undefined) continue;
      if (typeof type === 'string') writeScalar(writer, no, type, v.value, true);
      else writer.tag(no, LEN).bytes(encodeMessage(type, v.value as Fields));
    }
  }
  return writer.finish();
}

// A message followed by already-encoded repeated fields, then more fields:
// how a batch is put together from events encoded when they were captured.
export function encodeWithParts(
  head: [MessageSchema, object],
  parts: [no: number, bytes: readonly Uint8Array[]][],
  tail: [MessageSchema, object],
): Uint8Array {
  const writer = new Writer();
  writer.raw(encodeMessage(...head));
  for (const [no, list] of parts) for (const bytes of list) writer.tag(no, LEN).bytes(bytes);
  writer.raw(encodeMessage(...tail));
  return writer.finish();
}

function writeField(writer: Writer, no: number, type: FieldType, v: unknown): void {
  if (typeof type === 'string') {
    writeScalar(writer, no, type, v, false);
  } else if ('message' in type) {
    writer.tag(no, LEN).bytes(encodeMessage(type.message, v as Fields));
  } else if ('repeated' in type) {
    for (const item of v as Fields[]) writer.tag(no, LEN).bytes(encodeMessage(type.repeated, item));
  } else {
    for (const [key, item] of Object.entries(v as Record<string, Fields>)) {
      const entry = new Writer().tag(1, LEN).bytes(utf8.encode(key));
      entry.tag(2, LEN).bytes(encodeMessage(type.map, item));
      writer.tag(no, LEN).bytes(entry.finish());
    }
  }
}

// `present` fields (oneof members) are written even at their default, and
// optional ones ('o') whenever set.
function writeScalar(writer: Writer, no: number, type: Scalar, v: unknown, present: boolean): void {
  switch (type) {
    case 's':
      if (present || v !== '') writer.tag(no, LEN).bytes(utf8.encode(v as string));
      return;
    case 'y':
      if (present || (v as Uint8Array).byteLength > 0) writer.tag(no, LEN).bytes(v as Uint8Array);
      return;
    case 'd':
      if (present || v !== 0) writer.tag(no, I64).double(v as number);
      return;
    default: {
      // u, o, e, i, b: varints (bool as 0/1, int64 from a bigint).
      const n = Number(v);
      if (present || type === 'o' || n !== 0) writer.tag(no, VARINT).varint(n);
    }
  }
}
