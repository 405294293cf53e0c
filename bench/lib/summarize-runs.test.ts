import { describe, expect, it } from 'vitest';
import { figuresOf, summarize } from './summarize-runs.ts';

const run = (connect: string, p99: string) => `
| measurement | result | budget |
| --- | --- | --- |
| events/s, Connect | ${connect} (p50 31.5 ms) | >= 50,000 |
| p99 at 10,000 events/s | p50 4.3 ms, p99 ${p99} ms | p99 < 50 ms |
`;

describe('summarize-runs', () => {
  it('takes the first bare number and each percentile of a result cell', () => {
    expect([...figuresOf(run('47,170', '18.1'))]).toEqual([
      ['events/s, Connect', 47170],
      ['events/s, Connect · p50', 31.5],
      ['p99 at 10,000 events/s · p50', 4.3],
      ['p99 at 10,000 events/s · p99', 18.1],
    ]);
  });

  it('gives the median and range of every figure all runs printed', () => {
    const text = summarize([run('47170', '1'), run('49262', '1'), run('48932', '1')]);
    expect(text).toContain('| events/s, Connect | 48,932 | 47,170 - 49,262 | 47,170 / 48,932 / 49,262 |');
    expect(summarize([run('1', '1'), run('3', '1')])).toContain('| events/s, Connect | 2 | 1 - 3 |');
  });

  it('leaves out a figure one run did not print', () => {
    expect(summarize([run('1', '1'), '| other | 5 | - |'])).not.toContain('events/s');
  });
});
