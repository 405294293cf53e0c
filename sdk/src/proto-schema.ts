// The shape of the field tables the SDK's Protobuf writer uses. The tables
// themselves (gen/proto-schema.ts) are generated from the protobuf-es
// descriptors by `npm run generate`. connect-web with the generated protobuf-es
// code costs ~30 KB gzipped in the page, protobuf-es' BinaryWriter alone
// ~2.2 KB; these tables with proto-writer.ts ~1.3 KB. proto-writer.test.ts
// proves the writer against the generated schema: every event kind, a replay
// chunk and a whole batch come out byte for byte as toBinary writes them.

// s string, u uint32, i int64, d double, b bool, e enum, y bytes,
// o optional uint32 (written when set, even 0).
export type Scalar = 's' | 'u' | 'i' | 'd' | 'b' | 'e' | 'y' | 'o';
export type FieldType =
  | Scalar
  | { message: MessageSchema }
  | { repeated: MessageSchema }
  | { map: MessageSchema };
// A field's number is the previous field's plus one (oneof members count in
// declaration order), unless given: [number, type].
export type Numbered<T> = T | [number, T];
// A oneof is read from { case, value } under its own name; a member is a
// scalar or a message.
export type Oneof = { oneof: Record<string, Numbered<Scalar | MessageSchema>> };
export type MessageSchema = { [name: string]: Numbered<FieldType> | Oneof };
