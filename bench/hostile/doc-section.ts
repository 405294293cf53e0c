import { readFile, writeFile } from 'node:fs/promises';

// docs/reliability.md holds parts written by different runners (faults,
// hostile input). Each runner replaces only the text between its own markers
// and keeps the rest; a part not yet in the file is appended.
export async function writeDocSection(path: string, name: string, content: string): Promise<void> {
  const begin = `<!-- ${name}:begin (written by a runner; edit the runner, not this part) -->`;
  const end = `<!-- ${name}:end -->`;
  const existing = await readFile(path, 'utf8').catch(() => '');
  const block = `${begin}\n${content.trim()}\n${end}`;
  const from = existing.indexOf(`<!-- ${name}:begin`);
  const to = existing.indexOf(end);
  const next =
    from >= 0 && to > from
      ? `${existing.slice(0, from)}${block}${existing.slice(to + end.length)}`
      : `${existing.trimEnd()}${existing.trim() ? '\n\n' : ''}${block}\n`;
  await writeFile(path, next);
}
