// What bench/sdk/run.ts prints: the per-configuration text tables, then one
// Markdown figure table that bench/lib/summarize-runs.ts reads across runs
// (each result cell's first bare number is the figure).
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { gzipSync } from 'node:zlib';

export const PAGE_ALONE = 'page alone';
export const PAGE_ALONE_AGAIN = 'page alone, again';
export const REPLAY_OFF = 'SDK, replay off';
export const REPLAY_ON = 'SDK, replay on';

export interface Measured {
  windowSeconds: number;
  rounds: number;
  // Renderer main-thread CPU (% of the window) per configuration, one per round.
  cpu: Map<string, number[]>;
  // The SDK's own JavaScript self time (% of the window) per configuration.
  own: Map<string, number[]>;
  // The SDK's share of the profile's busy samples times the thread's CPU time.
  ownCpu: Map<string, number[]>;
  // As `own` and `ownCpu`, for samples with an SDK function anywhere in their
  // stack: the SDK's code and the browser functions it calls.
  inSdk: Map<string, number[]>;
  inSdkCpu: Map<string, number[]>;
  hot: Map<string, number>;
  batches: number;
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const spread = (values: number[]) => `${Math.min(...values).toFixed(2)} … ${Math.max(...values).toFixed(2)}`;
const signed = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(2)}`;
const gzipKiB = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

export function printReport(m: Measured, distDir: string): void {
  const alone = m.cpu.get(PAGE_ALONE)!;
  // Paired by round: each round's configurations ran back to back.
  const overhead = (name: string) => m.cpu.get(name)!.map((v, i) => v - alone[i]!);
  console.log(
    `SDK main-thread cost, ${m.windowSeconds} s windows, ${m.rounds} rounds, ${cpus().length} cores (${cpus()[0]?.model})`,
  );
  console.log(
    'config                 CPU median   CPU min … max     overhead median   overhead min … max   runs (CPU %)',
  );
  for (const [name, values] of m.cpu) {
    console.log(
      [
        name.padEnd(22),
        `${median(values).toFixed(2)} %`.padStart(10),
        spread(values).padStart(16),
        `${median(overhead(name)).toFixed(2)} pp`.padStart(16),
        spread(overhead(name)).padStart(20),
        `  ${values.map((v) => v.toFixed(2)).join(' / ')}`,
      ].join(' '),
    );
  }
  const perRound = (title: string, figures: Map<string, number[]>) => {
    console.log(title);
    for (const name of [REPLAY_OFF, REPLAY_ON]) {
      const values = figures.get(name)!;
      console.log(
        `${name.padEnd(22)} ${`${median(values).toFixed(2)} %`.padStart(10)} ${spread(values).padStart(16)}   ${values.map((v) => v.toFixed(2)).join(' / ')}`,
      );
    }
  };
  perRound(
    'SDK JavaScript self time (functions in sdk.js, sdk-extras.js, sdk-replay.js), % of the window:',
    m.own,
  );
  perRound(
    'SDK time with the browser functions it calls (an SDK function anywhere in the stack), % of the window:',
    m.inSdk,
  );
  console.log(
    'hottest SDK functions (self ms over all rounds; source line, then minified file:line:column; "browser:" for the browser functions the SDK called):',
  );
  for (const [key, micros] of [...m.hot].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${key}`);
  }
  console.log(`batches received by the fake ingestor: ${m.batches}`);

  const rounds = `${m.rounds} rounds of ${m.windowSeconds} s`;
  const row = (label: string, values: number[], unit: string, sign = false) =>
    `| ${label} | ${sign ? signed(median(values)) : median(values).toFixed(2)} ${unit} (${spread(values)}) | median (min … max), ${rounds} |`;
  const snippet = ['sdk.js', 'sdk-extras.js', 'sdk-replay.js'].map((f) => gzipKiB(`${distDir}${f}`));
  console.log(
    [
      '',
      '| figure | result | over |',
      '| --- | --- | --- |',
      row(
        'SDK time, replay on (% of main thread, its code and the browser functions it calls)',
        m.inSdk.get(REPLAY_ON)!,
        '%',
      ),
      row(
        'SDK time, replay on (% of main thread, its code and the browser functions it calls, load-corrected)',
        m.inSdkCpu.get(REPLAY_ON)!,
        '%',
      ),
      row(
        'SDK time, replay off (% of main thread, its code and the browser functions it calls)',
        m.inSdk.get(REPLAY_OFF)!,
        '%',
      ),
      row('SDK JavaScript self time, replay on (% of main thread)', m.own.get(REPLAY_ON)!, '%'),
      row('SDK JavaScript self time, replay off (% of main thread)', m.own.get(REPLAY_OFF)!, '%'),
      row(
        'SDK JavaScript CPU time, replay on (% of main thread, load-corrected)',
        m.ownCpu.get(REPLAY_ON)!,
        '%',
      ),
      row(
        'SDK JavaScript CPU time, replay off (% of main thread, load-corrected)',
        m.ownCpu.get(REPLAY_OFF)!,
        '%',
      ),
      row('Main-thread CPU, replay on minus page alone (points)', overhead(REPLAY_ON), 'pp', true),
      row('Main-thread CPU, replay off minus page alone (points)', overhead(REPLAY_OFF), 'pp', true),
      row(
        'Main-thread CPU, page alone again minus page alone (points, noise)',
        overhead(PAGE_ALONE_AGAIN),
        'pp',
        true,
      ),
      row('Main-thread CPU, page alone (% of main thread)', alone, '%'),
      `| Snippet eager core, sdk.js (KiB gzip) | ${snippet[0]!.toFixed(2)} KiB | budget 10 KiB |`,
      `| Snippet total, sdk.js + sdk-extras.js + sdk-replay.js (KiB gzip) | ${snippet.reduce((a, b) => a + b).toFixed(2)} KiB | budget 30 KiB |`,
    ].join('\n'),
  );
}
