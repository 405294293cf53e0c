import type { MessageInitShape } from '@bufbuild/protobuf';
import type { PropertyValueSchema } from '@gosight/proto/v1/events_pb';
import type { Properties } from './properties.ts';

const MAX_PROPERTIES = 100;
const MAX_KEY_CHARS = 128;
const MAX_STRING_CHARS = 1024;

// Drops null, undefined, non-finite numbers and anything that is not a
// string, number or boolean; bounds the count and lengths.
export function toPropertyMap(
  properties: Properties | undefined,
): Record<string, MessageInitShape<typeof PropertyValueSchema>> {
  const out: Record<string, MessageInitShape<typeof PropertyValueSchema>> = {};
  if (!properties || typeof properties !== 'object') return out;
  let count = 0;
  for (const [key, value] of Object.entries(properties)) {
    if (count >= MAX_PROPERTIES) break;
    const name = key.slice(0, MAX_KEY_CHARS);
    if (typeof value === 'string')
      out[name] = { value: { case: 'stringValue', value: value.slice(0, MAX_STRING_CHARS) } };
    else if (typeof value === 'number' && Number.isFinite(value))
      out[name] = { value: { case: 'numberValue', value } };
    else if (typeof value === 'boolean') out[name] = { value: { case: 'boolValue', value } };
    else continue;
    count++;
  }
  return out;
}
