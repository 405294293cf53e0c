import { readFile } from 'node:fs/promises';

// The median and spread of each figure over repeated runs of one benchmark.
// A benchmark prints its figures as Markdown table rows, "| what | result | ... |".
// In a result cell, the first bare number is the row's figure and each
// percentile or max ("p99 18.1 ms") is one more; a figure counts when every run
// printed it. Usage: npx tsx bench/lib/summarize-runs.ts <run output>...

const NUMBER = /(?:\b(p\d+|max)\s+)?(?<![\w.])(-?\d[\d,]*(?:\.\d+)?)/g;

export function figuresOf(output: string): Map<string, number> {
  const figures = new Map<string, number>();
  for (const line of output.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const label = cells[1];
    if (cells.length < 4 || !label || /^-+$/.test(label)) continue;
    let bare = false;
    for (const [, name, value] of (cells[2] ?? '').matchAll(NUMBER)) {
      if (!name && bare) continue;
      bare ||= !name;
      figures.set(name ? `${label} · ${name}` : label, Number(value!.replaceAll(',', '')));
    }
  }
  return figures;
}

export function summarize(outputs: string[]): string {
  const runs = outputs.map(figuresOf);
  const labels = [...(runs[0]?.keys() ?? [])].filter((label) => runs.every((run) => run.has(label)));
  const rows = labels.map((label) => {
    const values = runs.map((run) => run.get(label)!).sort((a, b) => a - b);
    const mid = values.length >> 1;
    const median = values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
    const format = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 1 });
    const spread = values.length > 1 ? `${format(values[0]!)} - ${format(values.at(-1)!)}` : '-';
    return `| ${label} | ${format(median)} | ${spread} | ${values.map(format).join(' / ')} |`;
  });
  return [
    `Over ${outputs.length} runs: each figure's median and range (a figure is a result's first bare number, or a percentile in it).`,
    '',
    '| figure | median | min - max | runs |',
    '| --- | ---: | ---: | --- |',
    ...rows,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('usage: npx tsx bench/lib/summarize-runs.ts <run output>...');
    process.exit(2);
  }
  const outputs = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  if (outputs.every((output) => figuresOf(output).size === 0)) {
    console.error('no "| figure | result |" table rows in these outputs: nothing to summarize');
    process.exit(3);
  }
  console.log(summarize(outputs));
}
