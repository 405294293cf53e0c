import { type DescField, type DescMessage, ScalarType } from '@bufbuild/protobuf';
import { WireType } from '@bufbuild/protobuf/wire';

// Per message of a schema, how each field is read (wire-skim.ts): built once
// from the generated descriptors, so it cannot drift from the .proto files.

export interface FieldPlan {
  wire: WireType;
  scalar: ScalarType | undefined;
  message: MessagePlan | undefined;
  // Repeated scalars may also come packed (one length-delimited run).
  packable: boolean;
  mapKey: FieldPlan | undefined;
  mapValue: FieldPlan | undefined;
}

// Indexed by field number.
export type MessagePlan = (FieldPlan | undefined)[];

const plans = new Map<DescMessage, MessagePlan>();

export function planFor(desc: DescMessage): MessagePlan {
  const known = plans.get(desc);
  if (known) return known;
  const plan: MessagePlan = [];
  plans.set(desc, plan);
  for (const field of desc.fields) plan[field.number] = fieldPlan(field);
  return plan;
}

function scalarPlan(scalar: ScalarType, packable = false): FieldPlan {
  return {
    wire: wireTypeOf(scalar),
    scalar,
    message: undefined,
    packable,
    mapKey: undefined,
    mapValue: undefined,
  };
}

function messagePlan(desc: DescMessage): FieldPlan {
  const plan = scalarPlan(ScalarType.BYTES);
  plan.scalar = undefined;
  plan.message = planFor(desc);
  return plan;
}

function fieldPlan(field: DescField): FieldPlan | undefined {
  switch (field.fieldKind) {
    case 'scalar':
      return scalarPlan(field.scalar);
    case 'enum':
      return scalarPlan(ScalarType.INT32);
    case 'message':
      return field.delimitedEncoding ? undefined : messagePlan(field.message);
    case 'list':
      if (field.listKind === 'message')
        return field.delimitedEncoding ? undefined : messagePlan(field.message);
      return field.listKind === 'enum'
        ? scalarPlan(ScalarType.INT32, true)
        : scalarPlan(field.scalar, field.scalar !== ScalarType.STRING && field.scalar !== ScalarType.BYTES);
    case 'map': {
      const plan = scalarPlan(ScalarType.BYTES);
      plan.scalar = undefined;
      plan.mapKey = scalarPlan(field.mapKey);
      plan.mapValue =
        field.mapKind === 'message'
          ? messagePlan(field.message)
          : scalarPlan(field.mapKind === 'enum' ? ScalarType.INT32 : field.scalar);
      return plan;
    }
  }
}

function wireTypeOf(scalar: ScalarType): WireType {
  switch (scalar) {
    case ScalarType.STRING:
    case ScalarType.BYTES:
      return WireType.LengthDelimited;
    case ScalarType.DOUBLE:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
      return WireType.Bit64;
    case ScalarType.FLOAT:
    case ScalarType.FIXED32:
    case ScalarType.SFIXED32:
      return WireType.Bit32;
    default:
      return WireType.Varint;
  }
}
