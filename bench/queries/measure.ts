import { cpus, loadavg, totalmem } from 'node:os';

export type Query = [name: string, run: (i: number) => Promise<unknown>];

interface Figures {
  p50: number;
  p95: number;
  max: number;
}

// Other work on the machine shows in the figures: the load average says how much.
const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');

const row = (name: string, figures: Figures) =>
  [name.padEnd(52), ...[figures.p50, figures.p95, figures.max].map((ms) => ms.toFixed(0).padStart(8))].join(
    ' ',
  );

async function measureOnce(run: Query[1], runs: number): Promise<Figures> {
  for (let i = 0; i < 3; i++) await run(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), max: at(1) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// Measures every query `runs` times after 3 warm-ups, sequentially, and the
// whole table `repeats` times; with several repeats, prints their median.
export async function measure(queries: Query[], runs: number, repeats: number): Promise<void> {
  const all = new Map<string, Figures[]>(queries.map(([name]) => [name, []]));
  for (let repeat = 1; repeat <= repeats; repeat++) {
    console.log(
      `\nrepeat ${repeat}/${repeats}: ${runs} runs each after 3 warm-ups, sequential (${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, load average ${load()})`,
    );
    console.log('query'.padEnd(52), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8), 'max ms'.padStart(8));
    for (const [name, run] of queries) {
      const figures = await measureOnce(run, runs);
      all.get(name)!.push(figures);
      console.log(row(name, figures));
    }
    console.log(`load average at the end: ${load()}`);
  }
  const summary = [...all].map(([name, figures]): [string, Figures] => {
    const of = (key: keyof Figures) => median(figures.map((f) => f[key]));
    return [name, { p50: of('p50'), p95: of('p95'), max: of('max') }];
  });
  if (repeats > 1) {
    console.log(`\nmedian of the ${repeats} repeats`);
    console.log('query'.padEnd(52), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8), 'max ms'.padStart(8));
    for (const [name, figures] of summary) console.log(row(name, figures));
  }
  console.log(markdownTable(summary, repeats));
}

// The figures as Markdown rows that bench/lib/summarize-runs.ts reads across
// runs: each pNN and max of a result cell is one figure.
export function markdownTable(summary: [string, Figures][], repeats: number): string {
  const ms = (value: number) => value.toFixed(0);
  return [
    `\n${repeats > 1 ? `median of ${repeats} repeats` : 'one repeat'}; budget (issue 7): p95 < 300 ms`,
    '',
    '| query | result | budget |',
    '| --- | --- | --- |',
    ...summary.map(
      ([name, f]) =>
        `| ${name} | p95 ${ms(f.p95)} ms, p50 ${ms(f.p50)} ms, max ${ms(f.max)} ms | ${f.p95 < 300 ? 'met' : 'missed'} |`,
    ),
  ].join('\n');
}
