// Builds dist/sdk.js (IIFE for the one-line snippet) and dist/index.js (ESM
// for bundlers), then prints each file's raw and gzipped size.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = dirname(fileURLToPath(import.meta.url));
const common = {
  bundle: true,
  minify: true,
  target: ['es2020'],
  platform: 'browser',
  legalComments: 'none',
  logLevel: 'warning',
};

const outputs = [
  { entryPoints: [join(root, 'src/snippet.ts')], outfile: join(root, 'dist/sdk.js'), format: 'iife' },
  { entryPoints: [join(root, 'src/index.ts')], outfile: join(root, 'dist/index.js'), format: 'esm' },
];

await Promise.all(outputs.map((output) => build({ ...common, ...output })));

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
for (const { outfile } of outputs) {
  const bytes = readFileSync(outfile);
  console.log(
    `${relative(root, outfile).padEnd(14)} ${kb(bytes.length).padStart(9)} raw ${kb(gzipSync(bytes, { level: 9 }).length).padStart(9)} gzip`,
  );
}
