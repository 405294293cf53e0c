import { mkdir } from 'node:fs/promises';
import { createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';
import { createPostgres } from '@gosight/common/postgres';
import { ensureProject } from '@gosight/common/projects';
import { createTestInfra, type TestInfra, uniqueId } from '@gosight/common/test-infra';
import { AuthService } from '@gosight/proto/v1/auth_service_pb';
import type { Browser, Page } from 'playwright-core';
import { ensureUser } from '../../api/src/accounts/ensure-user.ts';
import type { RoleName } from '../../api/src/auth/roles.ts';
import { visitDemoShop } from '../../deploy/local/demo-visitor.ts';
import { type RunningServices, startServices } from '../../deploy/local/services.ts';
import { launchChromium } from '../../sdk/test/chromium.ts';

// The real stack for a dashboard end-to-end test file: private topics and
// databases, every GoSight process, Debian's Chromium, one project with a user
// of each role, and demo-shop visits recorded by the SDK. Each test file passes
// its own port base so that files never collide.

export type E2eUser = { email: string; password: string; role: RoleName };

export type E2eStack = {
  infra: TestInfra;
  services: RunningServices;
  browser: Browser;
  projectId: string;
  users: Record<RoleName, E2eUser>;
  logs: string[];
  /** Runs `count` demo-shop visits in Chromium (desktop unless a viewport is given). */
  visitDemoShop(count?: number, viewport?: { width: number; height: number }): Promise<void>;
  /** A new dashboard page signed in as `role`. */
  signedInPage(role: RoleName): Promise<Page>;
  /** A session token for direct API calls as `role`. */
  apiToken(role: RoleName): Promise<string>;
  /** Saves a full-page screenshot under test-artifacts/. */
  screenshot(page: Page, name: string): Promise<void>;
  stop(): Promise<void>;
};

const ROLES: RoleName[] = ['owner', 'admin', 'member', 'viewer'];
const artifacts = new URL('../../test-artifacts/', import.meta.url);

export async function startE2eStack(name: string, portBase: number, env: Record<string, string> = {}) {
  const infra = await createTestInfra(name);
  const projectId = uniqueId(name);
  const writeKey = uniqueId(`gs_${name}`);
  const users = Object.fromEntries(
    ROLES.map((role) => [
      role,
      { email: `${uniqueId(role)}@example.test`, password: `${role} e2e password`, role },
    ]),
  ) as Record<RoleName, E2eUser>;
  const pool = createPostgres(infra.config.postgresUrl, 1);
  await ensureProject(pool, projectId, `${name} shop`, writeKey);
  for (const user of Object.values(users)) {
    await ensureUser(pool, { ...user, name: `E2E ${user.role}`, projectId, role: user.role });
  }
  await pool.end();
  const logs: string[] = [];
  const { config } = infra;
  const services = await startServices({
    ports: { ingestor: portBase, api: portBase + 1, dashboard: portBase + 2, demo: portBase + 3 },
    env: {
      GOSIGHT_KAFKA_BROKERS: config.kafkaBrokers.join(','),
      GOSIGHT_TOPIC_PREFIX: config.topicPrefix,
      GOSIGHT_CLICKHOUSE_URL: config.clickhouseUrl,
      GOSIGHT_CLICKHOUSE_DB: config.clickhouseDatabase,
      GOSIGHT_POSTGRES_URL: config.postgresUrl,
      GOSIGHT_REDIS_URL: config.redisUrl,
      GOSIGHT_DEFAULT_PROJECT: projectId,
      GOSIGHT_FLUSH_AGE_MS: '200',
      ...env,
    },
    demoProjectKey: writeKey,
    log: (line) => logs.push(line),
  });
  const browser = await launchChromium();
  await mkdir(artifacts, { recursive: true });
  const auth = createClient(
    AuthService,
    createConnectTransport({ baseUrl: services.urls.api, httpVersion: '1.1' }),
  );

  const stack: E2eStack = {
    infra,
    services,
    browser,
    projectId,
    users,
    logs,
    async visitDemoShop(count = 1, viewport) {
      for (let i = 0; i < count; i++) await visitDemoShop(browser, services.urls.demo, { viewport });
    },
    async signedInPage(role) {
      const user = users[role];
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(`${services.urls.dashboard}/login`);
      await page.getByLabel('Email').fill(user.email);
      await page.getByLabel('Password').fill(user.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      return page;
    },
    async apiToken(role) {
      const { email, password } = users[role];
      return (await auth.login({ email, password })).sessionToken;
    },
    async screenshot(page, file) {
      await page.screenshot({ path: new URL(`${file}.png`, artifacts).pathname, fullPage: true });
    },
    async stop() {
      await browser.close();
      await services.stop();
      await infra.cleanup();
      if (process.env.GOSIGHT_E2E_LOGS) console.log(logs.join('\n'));
    },
  };
  return stack;
}
