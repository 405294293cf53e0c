// Sign-in throttling through the running API (real Redis and PostgreSQL):
// failed logins are limited per email and per client IP, the refusal names
// when to retry, and even the right password is refused until the window ends.
import { randomBytes } from 'node:crypto';
import { Code, ConnectError, createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';
import { createPostgres, type Pool } from '@gosight/common/postgres';
import { createTestInfra, type TestInfra, uniqueId } from '@gosight/common/test-infra';
import { AuthService } from '@gosight/proto/v1/auth_service_pb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertUser } from '../accounts/users.ts';
import { type RunningApi, startApi } from '../api.ts';
import { apiConfigFrom } from '../config.ts';
import { hashPassword } from './password.ts';

const PASSWORD = 'correct horse battery';
const limits = { maxPerEmail: 3, maxPerIp: 5, windowSeconds: 2 };
let infra: TestInfra;
let api: RunningApi;
let pool: Pool;
let passwordHash: string;

beforeAll(async () => {
  infra = await createTestInfra('login_throttle');
  pool = createPostgres(infra.config.postgresUrl, 2);
  api = await startApi({
    ...apiConfigFrom({}),
    port: 0,
    infra: infra.config,
    login: limits,
    trustedProxyHops: 1,
  });
  passwordHash = await hashPassword(PASSWORD);
});

afterAll(async () => {
  await api?.stop();
  await pool?.end();
  await infra?.cleanup();
});

// A random documentation-prefix address, so that runs never share IP counters.
const newIp = () => `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;

async function newUser(): Promise<string> {
  const email = `${uniqueId('login')}@example.test`;
  await insertUser(pool, { email, name: 'Throttled', passwordHash });
  return email;
}

async function login(email: string, password: string, ip: string): Promise<ConnectError | undefined> {
  const auth = createClient(
    AuthService,
    createConnectTransport({ baseUrl: `http://127.0.0.1:${api.port}`, httpVersion: '1.1' }),
  );
  return auth.login({ email, password }, { headers: { 'x-forwarded-for': ip } }).then(
    () => undefined,
    (error: unknown) => ConnectError.from(error),
  );
}

it('refuses an email after its failures, even with the right password, until the window passes', async () => {
  const email = await newUser();
  for (let i = 0; i < limits.maxPerEmail; i++)
    expect((await login(email, 'wrong', newIp()))?.code).toBe(Code.Unauthenticated);
  const refused = await login(email, PASSWORD, newIp());
  expect(refused?.code).toBe(Code.ResourceExhausted);
  expect(refused?.rawMessage).toMatch(
    /^too many failed sign-in attempts for this email; retry after [12] s$/,
  );
  expect(Number(refused?.metadata.get('retry-after'))).toBeLessThanOrEqual(limits.windowSeconds);
  expect(await login(await newUser(), PASSWORD, newIp())).toBeUndefined();
  await new Promise((resolve) => setTimeout(resolve, (limits.windowSeconds + 1) * 1000));
  expect(await login(email, PASSWORD, newIp())).toBeUndefined();
}, 20_000);

it('refuses a client IP after its failures across emails, whatever the account', async () => {
  const ip = newIp();
  for (let i = 0; i < limits.maxPerIp; i++) await login(await newUser(), 'wrong', ip);
  const refused = await login(await newUser(), PASSWORD, ip);
  expect(refused?.code).toBe(Code.ResourceExhausted);
  expect(refused?.rawMessage).toMatch(/for this address; retry after/);
  expect(await login(await newUser(), PASSWORD, newIp())).toBeUndefined();
}, 20_000);

it('counts concurrent guesses before checking them, and does not count successful logins', async () => {
  const email = await newUser();
  for (let i = 0; i < limits.maxPerEmail + 2; i++)
    expect(await login(email, PASSWORD, newIp())).toBeUndefined();
  const guesses = await Promise.all(Array.from({ length: 12 }, () => login(email, 'wrong', newIp())));
  const codes = guesses.map((error) => (error ? Code[error.code] : 'signed in'));
  expect(codes.filter((code) => code === 'Unauthenticated')).toHaveLength(limits.maxPerEmail);
  expect(codes.filter((code) => code === 'ResourceExhausted')).toHaveLength(12 - limits.maxPerEmail);
}, 20_000);
