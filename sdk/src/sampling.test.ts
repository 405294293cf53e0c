import { describe, expect, it } from 'vitest';
import { inSample } from './sampling.ts';
import { createUuidV7 } from './uuidv7.ts';

describe('inSample', () => {
  it('keeps all at 1 and none at 0', () => {
    expect(inSample('a', 1)).toBe(true);
    expect(inSample('a', 0)).toBe(false);
  });

  it('decides the same for one session every time', () => {
    expect(inSample('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', 0.5)).toBe(
      inSample('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', 0.5),
    );
  });

  it.each([0.1, 0.25, 0.5, 0.9])('keeps about %s of sessions', (rate) => {
    const newId = createUuidV7();
    let kept = 0;
    for (let i = 0; i < 4000; i++) if (inSample(newId(), rate)) kept++;
    expect(kept / 4000).toBeGreaterThan(rate - 0.05);
    expect(kept / 4000).toBeLessThan(rate + 0.05);
  });
});
