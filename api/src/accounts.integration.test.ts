import { AuthService } from '@gosight/proto/v1/auth_service_pb';
import { ProjectService, Role } from '@gosight/proto/v1/project_service_pb';
import { SessionService } from '@gosight/proto/v1/session_service_pb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureUser } from './accounts/ensure-user.ts';
import { type ApiHarness, createApiHarness } from './test/api-harness.ts';

// createTestInfra gives this file its own PostgreSQL database, so the users
// table starts empty and Bootstrap can be tested for real.
let api: ApiHarness;

beforeAll(async () => {
  api = await createApiHarness('api_accounts');
});

afterAll(async () => {
  await api?.close();
});

const auth = (token?: string) => api.client(AuthService, token);
const projects = (token?: string) => api.client(ProjectService, token);
const ingestorLookup = async (key: string) =>
  (await api.pool.query('SELECT project_id FROM project_keys WHERE key = $1 AND revoked_at IS NULL', [key]))
    .rows;

let ownerToken: string;
let projectId: string;

it('bootstraps the first user as Owner of a first project, once', async () => {
  await expect(auth().bootstrap({ email: 'ada@example.test', password: 'short' })).rejects.toThrow(
    /at least 8/,
  );
  const first = await auth().bootstrap({
    email: 'Ada@Example.test',
    password: 'correct horse battery',
    name: 'Ada',
    projectName: 'Shop',
  });
  expect(first.user?.email).toBe('ada@example.test');
  expect(first.project).toMatchObject({ projectId: 'shop', role: Role.OWNER });
  expect(await ingestorLookup(first.writeKey!.key)).toEqual([{ project_id: 'shop' }]);
  ownerToken = first.sessionToken;
  projectId = 'shop';
  await expect(
    auth().bootstrap({ email: 'eve@example.test', password: 'correct horse battery' }),
  ).rejects.toThrow(/already has users/);
});

it('logs in with the password, not without it, and logs out', async () => {
  await expect(auth().login({ email: 'ada@example.test', password: 'wrong password' })).rejects.toThrow(
    /wrong email or password/,
  );
  await expect(
    auth().login({ email: 'nobody@example.test', password: 'correct horse battery' }),
  ).rejects.toThrow(/wrong email or password/);
  const { sessionToken } = await auth().login({
    email: 'ADA@example.test',
    password: 'correct horse battery',
  });
  const me = await auth(sessionToken).getMe({});
  expect(me.projects.map((p) => [p.projectId, p.role])).toEqual([['shop', Role.OWNER]]);
  const stored = await api.pool.query('SELECT token_hash FROM user_sessions');
  expect(JSON.stringify(stored.rows)).not.toContain(sessionToken);
  await auth(sessionToken).logout({});
  await expect(auth(sessionToken).getMe({})).rejects.toThrow(/invalid, expired or revoked/);
});

it('adds members, guards the Owner role and keeps one Owner', async () => {
  const admin = await api.user(projectId);
  await projects(ownerToken).addMember({ projectId, email: admin.email, role: Role.ADMIN });
  await expect(
    projects(ownerToken).addMember({ projectId, email: admin.email, role: Role.VIEWER }),
  ).rejects.toThrow(/already a member/);
  const viewer = await api.user(projectId);
  await expect(
    projects(admin.token).addMember({ projectId, email: viewer.email, role: Role.OWNER }),
  ).rejects.toThrow(/needs the Owner role/);
  await projects(admin.token).addMember({ projectId, email: viewer.email, role: Role.VIEWER });
  const { members } = await projects(viewer.token).listMembers({ projectId });
  expect(members.map((m) => m.role).sort()).toEqual([Role.OWNER, Role.ADMIN, Role.VIEWER].sort());
  const owner = members.find((m) => m.role === Role.OWNER)!;
  await expect(projects(admin.token).removeMember({ projectId, userId: owner.userId })).rejects.toThrow(
    /needs the Owner role/,
  );
  await expect(
    projects(ownerToken).updateMemberRole({ projectId, userId: owner.userId, role: Role.ADMIN }),
  ).rejects.toThrow(/at least one Owner/);
  await projects(admin.token).updateMemberRole({ projectId, userId: viewer.userId, role: Role.MEMBER });
  await projects(admin.token).removeMember({ projectId, userId: viewer.userId });
  await expect(api.client(SessionService, viewer.token).listSessions({ projectId })).rejects.toThrow(
    /not a member/,
  );
});

it('creates, rotates and revokes write keys as the ingestor sees them', async () => {
  const { key } = await projects(ownerToken).createWriteKey({ projectId, label: 'staging' });
  expect(await ingestorLookup(key!.key)).toHaveLength(1);
  const rotated = await projects(ownerToken).rotateWriteKey({ projectId, key: key!.key });
  expect(rotated.key).toMatchObject({ label: 'staging', revokedAtMs: 0n });
  expect(await ingestorLookup(key!.key)).toEqual([]);
  expect(await ingestorLookup(rotated.key!.key)).toHaveLength(1);
  await projects(ownerToken).revokeWriteKey({ projectId, key: rotated.key!.key });
  expect(await ingestorLookup(rotated.key!.key)).toEqual([]);
  await expect(projects(ownerToken).revokeWriteKey({ projectId, key: rotated.key!.key })).rejects.toThrow(
    /no active write key/,
  );
});

it('issues API tokens that read one project, rotate and revoke', async () => {
  const created = await projects(ownerToken).createApiToken({ projectId, label: 'ci', role: Role.VIEWER });
  expect(created.secret).toMatch(/^gst_/);
  const sessions = (token: string) => api.client(SessionService, token).listSessions({ projectId });
  await expect(sessions(created.secret)).resolves.toMatchObject({ sessions: [] });
  await expect(
    api.client(SessionService, created.secret).listSessions({ projectId: 'other' }),
  ).rejects.toThrow(/another project/);
  await expect(
    api.client(SessionService, created.secret).getSessionReplay({ projectId, sessionId: 's' }),
  ).rejects.toThrow(/needs the Member role/);
  await expect(projects(created.secret).listProjects({})).rejects.toThrow(/sign in as a user/);
  const { tokens } = await projects(ownerToken).listApiTokens({ projectId });
  expect(tokens.map((t) => [t.label, t.role])).toEqual([['ci', Role.VIEWER]]);
  expect(
    JSON.stringify(tokens, (_key, value) => (typeof value === 'bigint' ? String(value) : value)),
  ).not.toContain(created.secret);
  const rotated = await projects(ownerToken).rotateApiToken({ projectId, tokenId: created.token!.tokenId });
  await expect(sessions(created.secret)).rejects.toThrow(/invalid, expired or revoked/);
  await expect(sessions(rotated.secret)).resolves.toBeDefined();
  await projects(ownerToken).revokeApiToken({ projectId, tokenId: created.token!.tokenId });
  await expect(sessions(rotated.secret)).rejects.toThrow(/invalid, expired or revoked/);
  await expect(projects(ownerToken).createApiToken({ projectId, role: Role.ADMIN })).rejects.toThrow(
    /reads only/,
  );
});

it('creates projects for any signed-in user and renames them as Admin', async () => {
  const { project, writeKey } = await projects(ownerToken).createProject({ name: 'Blog Site' });
  expect(project?.projectId).toMatch(/^blog-site-/);
  expect(await ingestorLookup(writeKey!.key)).toEqual([{ project_id: project!.projectId }]);
  const renamed = await projects(ownerToken).updateProject({ projectId: project!.projectId, name: 'Blog' });
  expect(renamed.project?.name).toBe('Blog');
  const { projects: mine } = await projects(ownerToken).listProjects({});
  expect(mine.map((p) => p.projectId)).toContain(project!.projectId);
});

it('creates a user from the CLI helper, idempotently, and resets the password', async () => {
  const options = {
    email: 'cli@example.test',
    password: 'first password',
    name: 'Cli',
    projectId,
    role: 'viewer' as const,
  };
  expect((await ensureUser(api.pool, options)).created).toBe(true);
  expect((await ensureUser(api.pool, { ...options, password: 'second password' })).created).toBe(false);
  await expect(auth().login({ email: options.email, password: 'first password' })).rejects.toThrow(
    /wrong email/,
  );
  const { sessionToken } = await auth().login({ email: options.email, password: 'second password' });
  const me = await auth(sessionToken).getMe({});
  expect(me.projects.map((p) => [p.projectId, p.role])).toEqual([[projectId, Role.VIEWER]]);
});
