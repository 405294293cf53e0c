import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { writeDocSection } from './doc-section.ts';

it('replaces only its own part and keeps the rest, appending a part not yet there', async () => {
  const path = join(await mkdtemp(join(os.tmpdir(), 'doc-section-')), 'reliability.md');
  await writeFile(path, '# Title\n\nintro\n');
  await writeDocSection(path, 'faults', 'faults v1');
  await writeDocSection(path, 'hostile', 'hostile v1');
  await writeFile(path, `${await readFile(path, 'utf8')}\nhand-written tail\n`);
  await writeDocSection(path, 'faults', 'faults v2');
  const text = await readFile(path, 'utf8');
  expect(text).toContain('# Title\n\nintro\n');
  expect(text).toContain('faults v2');
  expect(text).not.toContain('faults v1');
  expect(text).toContain('hostile v1');
  expect(text.endsWith('hand-written tail\n')).toBe(true);
  expect(text.indexOf('faults v2')).toBeLessThan(text.indexOf('hostile v1'));
});
