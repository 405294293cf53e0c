import { parseArgs } from 'node:util';
import { createClickHouse } from '@gosight/common/clickhouse';
import { infraConfigFrom } from '@gosight/common/infra-config';
import { createPostgres } from '@gosight/common/postgres';
import { eraseSubject } from './erasure.ts';

// npx tsx processor/src/erase-cli.ts --project P (--user U | --device D)
const { values } = parseArgs({
  options: {
    project: { type: 'string' },
    user: { type: 'string' },
    device: { type: 'string' },
    'wait-ms': { type: 'string', default: '120000' },
  },
});
if (!values.project || (values.user === undefined) === (values.device === undefined)) {
  console.error(
    'usage: erase-cli --project <project id> (--user <user id> | --device <device id>) [--wait-ms N]',
  );
  process.exit(2);
}
const infra = infraConfigFrom(process.env);
const clickhouse = createClickHouse(infra.clickhouseUrl, infra.clickhouseDatabase);
const pool = createPostgres(infra.postgresUrl, 1);
try {
  const result = await eraseSubject(
    clickhouse,
    pool,
    values.user !== undefined
      ? { projectId: values.project, kind: 'user', subject: values.user }
      : { projectId: values.project, kind: 'device', subject: values.device ?? '' },
    Number(values['wait-ms']),
  );
  console.log(
    `[erase] erased ${result.sessionIds.length} sessions (${result.mutations} ClickHouse deletes finished)`,
  );
} catch (error) {
  console.error('[erase] failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await clickhouse.close();
  await pool.end();
}
