import { parseArgs } from 'node:util';
import { ConnectError } from '@connectrpc/connect';
import { infraConfigFrom } from '@gosight/common/infra-config';
import { createPostgres } from '@gosight/common/postgres';
import { ensureUser } from './accounts/ensure-user.ts';
import { validateCredentials } from './services/bootstrap.ts';

// npx tsx api/src/create-user-cli.ts --email ada@example.com --password '…' [--name Ada] [--project demo] [--role owner]
// Creates a user (or resets an existing user's password) and gives them a role in a project.
const usage =
  'usage: create-user-cli --email <email> --password <password> [--name <name>] [--project <id>] [--role owner|admin|member|viewer]';
const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    password: { type: 'string' },
    name: { type: 'string', default: '' },
    project: { type: 'string' },
    role: { type: 'string', default: 'owner' },
  },
});
const role = values.role;
if (!values.email || !values.password || !['owner', 'admin', 'member', 'viewer'].includes(role ?? '')) {
  console.error(usage);
  process.exit(2);
}
const pool = createPostgres(infraConfigFrom(process.env).postgresUrl, 1);
try {
  validateCredentials(values.email, values.password);
  const result = await ensureUser(pool, {
    email: values.email,
    password: values.password,
    name: values.name ?? '',
    projectId: values.project,
    role: role as 'owner' | 'admin' | 'member' | 'viewer',
  });
  console.log(
    `[create-user] ${result.created ? 'created' : 'updated'} ${values.email}${values.project ? ` (${role} of "${values.project}")` : ''}`,
  );
} catch (error) {
  console.error(
    '[create-user] failed:',
    error instanceof ConnectError ? error.rawMessage : error instanceof Error ? error.message : error,
  );
  process.exitCode = 1;
} finally {
  await pool.end();
}
