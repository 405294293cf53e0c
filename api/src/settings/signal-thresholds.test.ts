import { Code, ConnectError } from '@connectrpc/connect';
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../../processor/src/detectors/registry.ts';
import { SIGNALS, THRESHOLDS, validateThresholds } from './signal-thresholds.ts';

describe('THRESHOLDS', () => {
  it('names every detector option with the processor default, inside its own range', () => {
    expect([...SIGNALS].sort()).toEqual(DETECTORS.map((d) => d.signal).sort());
    for (const detector of DETECTORS) {
      const specs = THRESHOLDS[detector.signal as keyof typeof THRESHOLDS];
      expect(Object.fromEntries(specs.map((s) => [s.name, s.default]))).toEqual(detector.defaults);
      for (const spec of specs) {
        const value = Number(spec.default);
        expect(value, `${detector.signal}.${spec.name}`).toBeGreaterThanOrEqual(spec.min);
        expect(value, `${detector.signal}.${spec.name}`).toBeLessThanOrEqual(spec.max);
      }
    }
  });
});

describe('validateThresholds', () => {
  it.each([
    ['rage_click', { minClicks: 3, windowMs: 2000 }, { minClicks: 3 }],
    ['dead_click', { interactiveOnly: 0 }, { interactiveOnly: false }],
    ['dead_click', { interactiveOnly: 1 }, {}],
    ['thrashed_cursor', {}, {}],
  ] as const)('%s %j stores %j', (signal, values, stored) => {
    expect(validateThresholds(signal, { ...values })).toEqual(stored);
  });

  it.each([
    ['rage_click', { minClicks: 1 }, 'rage_click.minClicks must be between 2 and 50 clicks; got 1'],
    [
      'rage_click',
      { clicks: 3 },
      'rage_click.clicks is not a threshold; known: minClicks, windowMs, radiusPx',
    ],
    ['dead_click', { interactiveOnly: 2 }, 'dead_click.interactiveOnly must be 0 (no) or 1 (yes); got 2'],
    [
      'error_click',
      { errorWindowMs: Number.NaN },
      'error_click.errorWindowMs must be between 100 and 30000 ms',
    ],
  ] as const)('%s %j is refused', (signal, values, message) => {
    let error: unknown;
    try {
      validateThresholds(signal, { ...values });
    } catch (caught) {
      error = caught;
    }
    expect(ConnectError.from(error).code).toBe(Code.InvalidArgument);
    expect(ConnectError.from(error).rawMessage).toContain(message);
  });
});
