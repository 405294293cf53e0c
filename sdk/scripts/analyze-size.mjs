// What each source module costs in a snippet file, from esbuild's metafile,
// built as build.mjs does (run that first: it writes mangle-cache.json):
//   node sdk/scripts/analyze-size.mjs [snippet.ts | extras-global.ts | replay-global.ts]
// Bytes are minified, before gzip; the file's gzipped total is printed last.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { mangleProps } from '../mangle-props.mjs';
import { rrwebSlim } from '../rrweb-slim.mjs';

const entry = process.argv[2] ?? 'snippet.ts';
const result = await build({
  entryPoints: [new URL(`../src/${entry}`, import.meta.url).pathname],
  bundle: true,
  minify: true,
  mangleProps,
  mangleCache: JSON.parse(readFileSync(new URL('../mangle-cache.json', import.meta.url), 'utf8')),
  target: ['es2022'],
  platform: 'browser',
  legalComments: 'none',
  format: 'iife',
  plugins: [rrwebSlim],
  write: false,
  metafile: true,
});
const [output] = Object.values(result.metafile.outputs);
const rows = Object.entries(output.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput);
for (const [path, { bytesInOutput }] of rows) {
  console.log(`${String(bytesInOutput).padStart(7)}  ${path.replace(/.*node_modules\//, '')}`);
}
const bytes = result.outputFiles[0].contents;
console.log(`${entry}: ${bytes.length} bytes minified, ${gzipSync(bytes, { level: 9 }).length} gzipped`);
