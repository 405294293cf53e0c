// Builds the SDK into dist/:
//   sdk.js, sdk-replay.js  IIFE for the one-line snippet; sdk.js loads sdk-replay.js
//                          from next to itself when a session is recorded
//   esm/                   ESM for bundlers; the recorder is a split chunk
//   cjs/                   CommonJS; the recorder is cjs/replay.cjs, required lazily
//   types/                 type declarations (tsc --emitDeclarationOnly)
// then prints each file's raw and gzipped size.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { rrwebWithoutCanvas } from './rrweb-without-canvas.mjs';
import { measure, printSizes } from './sizes.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
const src = (file) => join(root, 'src', file);
const common = {
  bundle: true,
  minify: true,
  target: ['es2020'],
  platform: 'browser',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [rrwebWithoutCanvas],
};

// In the CommonJS build the recorder stays a separate file.
const replayAsCjsFile = {
  name: 'replay-as-cjs-file',
  setup(b) {
    b.onResolve({ filter: /replay-recorder\.ts$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: './replay.cjs', external: true } : undefined,
    );
  },
};

rmSync(dist, { recursive: true, force: true });
await Promise.all([
  build({ ...common, entryPoints: [src('snippet.ts')], outfile: join(dist, 'sdk.js'), format: 'iife' }),
  build({
    ...common,
    entryPoints: [src('replay-global.ts')],
    outfile: join(dist, 'sdk-replay.js'),
    format: 'iife',
  }),
  build({
    ...common,
    entryPoints: { index: src('index.ts') },
    outdir: join(dist, 'esm'),
    format: 'esm',
    splitting: true,
    chunkNames: 'chunk-[hash]',
  }),
  build({
    ...common,
    entryPoints: [src('index.ts')],
    outfile: join(dist, 'cjs/index.cjs'),
    format: 'cjs',
    plugins: [rrwebWithoutCanvas, replayAsCjsFile],
  }),
  build({
    ...common,
    entryPoints: [src('replay-recorder.ts')],
    outfile: join(dist, 'cjs/replay.cjs'),
    format: 'cjs',
  }),
]);
execFileSync(
  process.execPath,
  [join(root, '../node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.types.json')],
  {
    stdio: 'inherit',
  },
);

// tsc keeps the source's .ts import specifiers in declarations; consumers
// resolve .js ones.
for (const file of readdirSync(join(dist, 'types'), { recursive: true })) {
  const path = join(dist, 'types', String(file));
  if (!path.endsWith('.d.ts')) continue;
  writeFileSync(path, readFileSync(path, 'utf8').replace(/(from '\.\.?\/[\w/-]+)\.ts'/g, "$1.js'"));
}

printSizes(measure(dist));
