import { describe, expect, it } from 'vitest';
import type { Properties } from './properties.ts';
import { toPropertyMap } from './property-map.ts';

describe('toPropertyMap', () => {
  it('keeps strings, numbers and booleans with their types', () => {
    expect(toPropertyMap({ plan: 'pro', seats: 3, annual: false })).toEqual({
      plan: { value: { case: 'stringValue', value: 'pro' } },
      seats: { value: { case: 'numberValue', value: 3 } },
      annual: { value: { case: 'boolValue', value: false } },
    });
  });

  it('drops what has no typed value', () => {
    const odd = {
      a: null,
      b: undefined,
      c: Number.NaN,
      d: Number.POSITIVE_INFINITY,
      e: {},
      f: [1],
    } as unknown as Properties;
    expect(toPropertyMap(odd)).toEqual({});
    expect(toPropertyMap(undefined)).toEqual({});
  });

  it('bounds keys, string lengths and the count', () => {
    const many: Properties = {};
    for (let i = 0; i < 150; i++) many[`k${i}`] = i;
    expect(Object.keys(toPropertyMap(many))).toHaveLength(100);
    const long = toPropertyMap({ ['k'.repeat(200)]: 'v'.repeat(2000) });
    const [key, value] = Object.entries(long)[0]!;
    expect(key).toHaveLength(128);
    expect((value.value as { value: string }).value).toHaveLength(1024);
  });
});
