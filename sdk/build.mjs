// Builds the SDK into dist/:
//   sdk.js, sdk-extras.js, IIFE for the one-line snippet; sdk.js loads sdk-extras.js
//   sdk-replay.js          at init and sdk-replay.js when a session is recorded,
//                          from next to itself
//   esm/                   ESM for bundlers; the extras and the recorder are split chunks
//   cjs/                   CommonJS; cjs/extras.cjs and cjs/replay.cjs are required lazily
//   types/                 type declarations (tsc --emitDeclarationOnly)
// then prints each file's raw and gzipped size. With --sourcemap, each file
// also gets a .map next to it (not referenced from the file, so sizes and
// behaviour do not change): bench/sdk maps its profile's hottest functions.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { checkMangleProps, mangleProps } from './mangle-props.mjs';
import { rrwebSlim } from './rrweb-slim.mjs';
import { measure, printSizes } from './sizes.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
const src = (file) => join(root, 'src', file);
checkMangleProps(join(root, '..'));
const common = {
  bundle: true,
  minify: true,
  mangleProps,
  target: ['es2022'],
  platform: 'browser',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [rrwebSlim],
  sourcemap: process.argv.includes('--sourcemap') ? 'external' : false,
};

// In the CommonJS build the recorder and the extras stay separate files.
const lazyAsCjsFiles = {
  name: 'lazy-as-cjs-files',
  setup(b) {
    b.onResolve({ filter: /(replay-recorder|extras)\.ts$/ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      return { path: args.path.includes('extras') ? './extras.cjs' : './replay.cjs', external: true };
    });
  },
};

rmSync(dist, { recursive: true, force: true });
// The ESM build has every module: its property renames (mangle-props.mjs)
// become those of all builds, so that sdk.js and the files it loads agree.
// They are kept in mangle-cache.json, stable from one release to the next.
const cacheFile = join(root, 'mangle-cache.json');
const esm = await build({
  ...common,
  entryPoints: { index: src('index.ts') },
  outdir: join(dist, 'esm'),
  format: 'esm',
  splitting: true,
  chunkNames: 'chunk-[hash]',
  mangleCache: existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, 'utf8')) : {},
});
const mangleCache = esm.mangleCache;
writeFileSync(cacheFile, `${JSON.stringify(mangleCache, Object.keys(mangleCache).sort(), 2)}\n`);
const iife = (entry, file) =>
  build({ ...common, mangleCache, entryPoints: [src(entry)], outfile: join(dist, file), format: 'iife' });
const cjs = (entry, file, plugins = common.plugins) =>
  build({
    ...common,
    mangleCache,
    plugins,
    entryPoints: [src(entry)],
    outfile: join(dist, file),
    format: 'cjs',
  });
await Promise.all([
  iife('snippet.ts', 'sdk.js'),
  iife('replay-global.ts', 'sdk-replay.js'),
  iife('extras-global.ts', 'sdk-extras.js'),
  cjs('index.ts', 'cjs/index.cjs', [rrwebSlim, lazyAsCjsFiles]),
  cjs('replay-recorder.ts', 'cjs/replay.cjs'),
  cjs('extras.ts', 'cjs/extras.cjs'),
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
