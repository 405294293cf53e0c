// Bundles each Node service into one ESM file for the production images:
// no TypeScript loader at run time, no node_modules in the image, start-up
// without transpiling. Run from the repository root: node deploy/docker/bundle.mjs <outdir>
import { build } from 'esbuild';

const outdir = process.argv[2] ?? 'dist/services';
const entryPoints = {
  ingestor: 'ingestor/src/main.ts',
  processor: 'processor/src/main.ts',
  api: 'api/src/main.ts',
  migrate: 'common/src/migrate-cli.ts',
  'seed-demo': 'common/src/seed-demo-cli.ts',
  // Operator tools: create a dashboard user or reset a password; erase one
  // user's or device's data (deletion requests).
  'create-user': 'api/src/create-user-cli.ts',
  erase: 'processor/src/erase-cli.ts',
};

await build({
  entryPoints,
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
  // CommonJS dependencies (kafkajs, pg, ioredis) call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __gosightCreateRequire } from 'node:module'; const require = __gosightCreateRequire(import.meta.url);",
  },
});
console.log(`bundled ${Object.keys(entryPoints).join(', ')} into ${outdir}`);
