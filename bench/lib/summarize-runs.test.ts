import { describe, expect, it } from 'vitest';
import { figureTable } from './figure-table.ts';
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

  it("reads back every figure a benchmark's figure table printed", () => {
    const table = figureTable([
      ['acknowledged to queryable (ms)', 'p50 583, p95 868, p99 913, max 981'],
      ['kafka, peak (MiB)', 382],
      ['processor throughput (events/s)', 47159.46],
      ['redis-down: lost', 0],
    ]);
    expect([...figuresOf(`[pipeline] some log line 12 ms\n${table}`)]).toEqual([
      ['acknowledged to queryable (ms) · p50', 583],
      ['acknowledged to queryable (ms) · p95', 868],
      ['acknowledged to queryable (ms) · p99', 913],
      ['acknowledged to queryable (ms) · max', 981],
      ['kafka, peak (MiB)', 382],
      ['processor throughput (events/s)', 47159.5],
      ['redis-down: lost', 0],
    ]);
  });
});
