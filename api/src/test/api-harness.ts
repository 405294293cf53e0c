import type { DescService } from '@bufbuild/protobuf';
import { type Client, createClient, createRouterTransport } from '@connectrpc/connect';
import { type ClickHouseClient, createClickHouse } from '@gosight/common/clickhouse';
import { createPostgres, type Pool } from '@gosight/common/postgres';
import { createTestInfra, type TestInfra, uniqueId } from '@gosight/common/test-infra';
import { insertApiToken } from '../accounts/api-tokens.ts';
import { transaction } from '../accounts/db.ts';
import { insertProject, upsertMember } from '../accounts/projects.ts';
import { insertUser, startSession } from '../accounts/users.ts';
import { createAuthenticate } from '../auth/authenticate.ts';
import { createAuthInterceptor } from '../auth/interceptor.ts';
import { hashPassword } from '../auth/password.ts';
import type { RoleName } from '../auth/roles.ts';
import { registerApi } from '../routes.ts';

export const ROLES: RoleName[] = ['owner', 'admin', 'member', 'viewer'];

// The whole API in memory (createRouterTransport, no port) over a private
// ClickHouse and PostgreSQL database from createTestInfra.
export interface ApiHarness {
  infra: TestInfra;
  clickhouse: ClickHouseClient;
  pool: Pool;
  client<S extends DescService>(service: S, token?: string): Client<S>;
  // A user with a session token; the user is added to the project with role.
  user(
    projectId: string,
    role?: RoleName,
    password?: string,
  ): Promise<{ userId: string; email: string; token: string }>;
  // A project owned by a fresh user; returns the owner's token.
  project(name?: string): Promise<{ projectId: string; ownerToken: string; writeKey: string }>;
  apiToken(projectId: string, role: 'member' | 'viewer', createdBy: string): Promise<string>;
  close(): Promise<void>;
}

// telegramApiUrl: where test messages go (a local Bot API server in tests).
export async function createApiHarness(
  name: string,
  options: { telegramApiUrl?: string } = {},
): Promise<ApiHarness> {
  const infra = await createTestInfra(name);
  const clickhouse = createClickHouse(infra.config.clickhouseUrl, infra.config.clickhouseDatabase);
  const pool = createPostgres(infra.config.postgresUrl, 5);
  const transport = createRouterTransport(
    (router) =>
      registerApi(router, {
        clickhouse,
        pool,
        sessionTtlMs: 3_600_000,
        telegramApiUrl: options.telegramApiUrl ?? 'http://127.0.0.1:9',
      }),
    { router: { interceptors: [createAuthInterceptor(createAuthenticate(pool))] } },
  );
  // Hashing is slow on purpose; tests share one hash.
  const passwordHash = await hashPassword('correct horse battery');

  async function newUser(password?: string) {
    const email = `${uniqueId('user')}@example.test`;
    const hash = password ? await hashPassword(password) : passwordHash;
    const user = await insertUser(pool, { email, name: 'Test User', passwordHash: hash });
    const { token } = await startSession(pool, user.id, 3_600_000);
    return { userId: user.id, email, token };
  }

  return {
    infra,
    clickhouse,
    pool,
    client: (service, token) => createClient(service, token ? withToken(transport, token) : transport),
    async user(projectId, role, password) {
      const created = await newUser(password);
      if (role) await upsertMember(pool, projectId, created.userId, role);
      return created;
    },
    async project(projectName = 'Test shop') {
      const owner = await newUser();
      const projectId = uniqueId('proj');
      const { writeKey } = await transaction(pool, (db) =>
        insertProject(db, { id: projectId, name: projectName, ownerId: owner.userId }),
      );
      return { projectId, ownerToken: owner.token, writeKey: writeKey.key };
    },
    async apiToken(projectId, role, createdBy) {
      return (await insertApiToken(pool, { projectId, label: 'test', role, createdBy })).secret;
    },
    async close() {
      await clickhouse.close();
      await pool.end();
      await infra.cleanup();
    },
  };
}

function withToken(transport: ReturnType<typeof createRouterTransport>, token: string) {
  return {
    unary: ((method, signal, timeoutMs, header, input, contextValues) => {
      const headers = new Headers(header);
      headers.set('authorization', `Bearer ${token}`);
      return transport.unary(method, signal, timeoutMs, headers, input, contextValues);
    }) as typeof transport.unary,
    stream: ((method, signal, timeoutMs, header, input, contextValues) => {
      const headers = new Headers(header);
      headers.set('authorization', `Bearer ${token}`);
      return transport.stream(method, signal, timeoutMs, headers, input, contextValues);
    }) as typeof transport.stream,
  };
}
