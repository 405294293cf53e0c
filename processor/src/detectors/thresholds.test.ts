import { describe, expect, it } from 'vitest';
import { deadClick } from './dead-click.ts';
import { rageClick } from './rage-click.ts';
import { resolveThresholds } from './thresholds.ts';

describe('resolveThresholds', () => {
  it.each([
    {
      name: 'no overrides',
      definition: rageClick,
      overrides: undefined,
      want: rageClick.defaults,
      problems: 0,
    },
    {
      name: 'one override',
      definition: rageClick,
      overrides: { minClicks: 3 },
      want: { ...rageClick.defaults, minClicks: 3 },
      problems: 0,
    },
    {
      name: 'an unknown name',
      definition: rageClick,
      overrides: { clicks: 3 },
      want: rageClick.defaults,
      problems: 1,
    },
    {
      name: 'a string for a number',
      definition: rageClick,
      overrides: { windowMs: '1000' },
      want: rageClick.defaults,
      problems: 1,
    },
    {
      name: 'a negative number',
      definition: rageClick,
      overrides: { radiusPx: -1 },
      want: rageClick.defaults,
      problems: 1,
    },
    {
      name: 'a boolean',
      definition: deadClick,
      overrides: { interactiveOnly: false },
      want: { ...deadClick.defaults, interactiveOnly: false },
      problems: 0,
    },
    {
      name: 'a number for a boolean',
      definition: deadClick,
      overrides: { interactiveOnly: 0 },
      want: deadClick.defaults,
      problems: 1,
    },
    { name: 'not an object', definition: deadClick, overrides: [1], want: deadClick.defaults, problems: 1 },
  ])('$name', ({ definition, overrides, want, problems }) => {
    const resolved = resolveThresholds(definition as never, overrides);
    expect(resolved.thresholds).toEqual(want);
    expect(resolved.problems).toHaveLength(problems);
  });
});
