import { infraConfigFrom } from './infra-config.ts';
import { migrateAll } from './migrate.ts';

const log = (line: string) => console.log(`[migrate] ${line}`);
try {
  await migrateAll(infraConfigFrom(process.env), log);
  log('schema is up to date');
} catch (error) {
  console.error('[migrate] failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
