// Fails (exit 1) when a built file is over its size budget; run after the
// build: npm run size -w sdk.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kib, measure, printSizes } from './sizes.mjs';

const dist = join(dirname(fileURLToPath(import.meta.url)), 'dist');
if (!existsSync(join(dist, 'sdk.js'))) {
  console.error('sdk/dist is missing: run npm run build -w sdk first');
  process.exit(1);
}
const sizes = measure(dist);
printSizes(sizes);
const over = sizes.budgets.filter(({ bytes, limitKiB }) => kib(bytes) > limitKiB);
for (const { name, bytes, limitKiB } of over) {
  console.error(`over budget: ${name} is ${kib(bytes).toFixed(2)} KiB gzip, budget ${limitKiB} KiB`);
}
process.exit(over.length > 0 ? 1 : 0);
