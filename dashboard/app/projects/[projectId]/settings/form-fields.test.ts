import { describe, expect, it } from 'vitest';
import { linesField, numberField, thresholdValues } from './form-fields';

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe('settings form fields', () => {
  it.each([
    [[['n', '']], 0],
    [[['n', ' 42 ']], 42],
    [[['n', 'abc']], Number.NaN],
  ] as [[string, string][], number][])('numberField %j is %d', (entries, expected) => {
    expect(numberField(form(entries), 'n')).toBe(expected);
  });

  it('reads one entry per line', () => {
    expect(linesField(form([['l', ' /admin/*\r\n\n/account ']]), 'l')).toEqual(['/admin/*', '/account']);
  });

  it('reads thresholds, with unchecked flags as 0', () => {
    const values = thresholdValues(
      form([
        ['t:reactionWindowMs', '1500'],
        ['flags', 'interactiveOnly,other'],
        ['flag:other', 'on'],
      ]),
    );
    expect(values).toEqual({ reactionWindowMs: 1500, interactiveOnly: 0, other: 1 });
  });
});
