// A benchmark ends its output with this table: one figure per row, in the form
// bench/lib/summarize-runs.ts reads to give each figure's median and range
// over repeated runs.
export type Figure = readonly [figure: string, result: number | string];

export function figureTable(figures: readonly Figure[]): string {
  const format = (result: number | string) =>
    typeof result === 'number' ? String(Math.round(result * 10) / 10) : result;
  return [
    '',
    'Figures of this run:',
    '',
    '| figure | result |',
    '| --- | --- |',
    ...figures.map(([figure, result]) => `| ${figure} | ${format(result)} |`),
  ].join('\n');
}
