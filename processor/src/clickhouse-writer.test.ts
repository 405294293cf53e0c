import { describe, expect, it } from 'vitest';
import { sparseJsonLines } from './clickhouse-writer.ts';

describe('sparseJsonLines', () => {
  it.each([
    [[{ a: 'x', b: '', c: 0, d: [], e: 1.5 }], '{"a":"x","e":1.5}\n'],
    [[{ dom_mutation_ms: -1, navigation_ms: 0, c: 0 }], '{"dom_mutation_ms":-1,"navigation_ms":0}\n'],
    [[{ a: '' }, { a: 'it\'s "q"\n' }], '{}\n{"a":"it\'s \\"q\\"\\n"}\n'],
    [[{ keys: ['k'], values: [''] }], '{"keys":["k"],"values":[""]}\n'],
  ])('%#', (rows, expected) => {
    expect(sparseJsonLines(rows)).toBe(expected);
  });
});
