import { describe, expect, it } from 'vitest';
import { createUuidV7 } from './uuidv7.ts';

const FORMAT = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function timestampOf(id: string): number {
  return Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}

describe('createUuidV7', () => {
  it('formats version 7, variant 10 ids carrying the timestamp', () => {
    const ms = Date.UTC(2025, 5, 1, 12, 0, 0, 123);
    const id = createUuidV7(() => ms)();
    expect(id).toMatch(FORMAT);
    expect(timestampOf(id)).toBe(ms);
  });

  it('sorts in creation order within one millisecond', () => {
    const next = createUuidV7(() => 1_700_000_000_000);
    const ids = Array.from({ length: 10_000 }, () => next());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(FORMAT);
  });

  it('stays monotonic when the clock steps back', () => {
    const clock = [5_000, 6_000, 4_000, 4_000, 7_000];
    let i = 0;
    const next = createUuidV7(() => clock[i++] ?? 7_000);
    const ids = clock.map(() => next());
    expect([...ids].sort()).toEqual(ids);
    expect(timestampOf(ids[2]!)).toBe(6_000);
  });

  it('uses the random source for the tail', () => {
    const zero = createUuidV7(
      () => 0,
      (b) => b.fill(0),
    )();
    const ones = createUuidV7(
      () => 0,
      (b) => b.fill(0xff),
    )();
    expect(zero).toBe('00000000-0000-7000-8000-000000000000');
    expect(ones).toBe('00000000-0000-77ff-bfff-ffffffffffff');
  });
});
