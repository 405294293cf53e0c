import { stringFrom } from './env.ts';
import { infraConfigFrom } from './infra-config.ts';
import { createPostgres } from './postgres.ts';
import { ensureProject } from './projects.ts';

// The local demo's project, used by `npm start`.
const pool = createPostgres(infraConfigFrom(process.env).postgresUrl, 1);
try {
  const key = stringFrom(process.env, 'GOSIGHT_DEMO_PROJECT_KEY', 'gs_demo_write_key');
  await ensureProject(pool, 'demo', 'Demo shop', key);
  console.log(`[seed] project "demo" with write key ${key}`);
} finally {
  await pool.end();
}
