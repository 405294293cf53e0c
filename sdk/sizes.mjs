// Sizes of the built SDK, gzipped at level 9, in KiB (1,024 bytes).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export const kib = (bytes) => bytes / 1024;

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

// Every .js/.cjs file under dist with its raw and gzipped size, and the
// figures the budgets are about.
export function measure(dist) {
  const sizes = {};
  for (const file of files(dist).filter((f) => /\.c?js$/.test(f))) {
    const bytes = readFileSync(file);
    sizes[relative(dist, file)] = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  }
  const gz = (name) => sizes[name]?.gzip ?? 0;
  // The ESM entry plus the chunks it imports statically is what a bundler
  // puts in the page at once; the chunks only imported dynamically come later.
  const esmEntry = readFileSync(join(dist, 'esm/index.js'), 'utf8');
  const esmChunks = Object.keys(sizes).filter((name) => name.startsWith('esm/chunk-'));
  const staticChunks = esmChunks.filter((name) => esmEntry.includes(`from"./${name.slice(4)}"`));
  const esmEager = gz('esm/index.js') + staticChunks.reduce((n, name) => n + gz(name), 0);
  const esmTotal = gz('esm/index.js') + esmChunks.reduce((n, name) => n + gz(name), 0);
  return {
    files: sizes,
    budgets: [
      { name: 'snippet eager core (sdk.js)', bytes: gz('sdk.js'), limitKiB: 10 },
      {
        name: 'snippet total (sdk.js + sdk-extras.js + sdk-replay.js)',
        bytes: gz('sdk.js') + gz('sdk-extras.js') + gz('sdk-replay.js'),
        limitKiB: 30,
      },
      { name: 'npm ESM eager core (index.js + static chunks)', bytes: esmEager, limitKiB: 10 },
      { name: 'npm ESM total (all chunks)', bytes: esmTotal, limitKiB: 30 },
    ],
  };
}

export function printSizes({ files: sizes, budgets }) {
  for (const [name, { raw, gzip }] of Object.entries(sizes)) {
    console.log(
      `${name.padEnd(28)} ${kib(raw).toFixed(1).padStart(7)} KiB raw ${kib(gzip).toFixed(1).padStart(6)} KiB gzip`,
    );
  }
  for (const { name, bytes, limitKiB } of budgets) {
    console.log(`${name.padEnd(48)} ${kib(bytes).toFixed(2).padStart(6)} KiB gzip (budget ${limitKiB} KiB)`);
  }
}
