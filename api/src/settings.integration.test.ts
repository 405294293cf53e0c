import { Code, ConnectError } from '@connectrpc/connect';
import { AuthService } from '@gosight/proto/v1/auth_service_pb';
import { ProjectService } from '@gosight/proto/v1/project_service_pb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DETECTORS } from '../../processor/src/detectors/registry.ts';
import { resolveThresholds } from '../../processor/src/detectors/thresholds.ts';
import { type ApiHarness, createApiHarness } from './test/api-harness.ts';

let api: ApiHarness;

beforeAll(async () => {
  api = await createApiHarness('api_settings');
});

afterAll(async () => {
  await api?.close();
});

const projects = (token?: string) => api.client(ProjectService, token);

async function codeOf(call: Promise<unknown>): Promise<[string, string]> {
  try {
    await call;
    return ['OK', ''];
  } catch (error) {
    const connect = ConnectError.from(error);
    return [Code[connect.code], connect.rawMessage];
  }
}

it('tells whether first-user set-up is still open, with an empty Bootstrap call', async () => {
  const probe = () => api.client(AuthService).bootstrap({});
  expect((await codeOf(probe()))[0]).toBe('InvalidArgument');
  await api.project();
  expect(await codeOf(probe())).toEqual(['FailedPrecondition', expect.stringMatching(/already has users/)]);
});

it('shows the defaults, with every detector threshold, to any member', async () => {
  const { projectId } = await api.project();
  const viewer = await api.user(projectId, 'viewer');
  const { settings } = await projects(viewer.token).getProjectSettings({ projectId });
  expect(settings).toMatchObject({
    projectId,
    timeZone: 'UTC',
    eventsRetentionDays: 365,
    replayRetentionDays: 30,
    ingest: { allowedOrigins: [], rateLimitEventsPerSecond: 0, rateLimitBurstEvents: 0 },
    privacy: { truncateIp: false, blockedUrls: [] },
  });
  const rage = settings?.signals.find((s) => s.signal === 'rage_click');
  expect(rage?.thresholds.map((t) => [t.name, t.value, t.defaultValue])).toEqual([
    ['minClicks', 5, 5],
    ['windowMs', 2000, 2000],
    ['radiusPx', 30, 30],
  ]);
  expect(settings?.signals.map((s) => s.signal).sort()).toEqual(DETECTORS.map((d) => d.signal).sort());
});

it('lets an Admin change what the request sets and keeps the rest', async () => {
  const { projectId, ownerToken } = await api.project();
  const admin = await api.user(projectId, 'admin');
  await projects(ownerToken).updateProjectSettings({
    projectId,
    ingest: { allowedOrigins: ['https://shop.example/'], rateLimitEventsPerSecond: 50 },
  });
  const { settings } = await projects(admin.token).updateProjectSettings({
    projectId,
    timeZone: 'Europe/Berlin',
    replayRetentionDays: 14,
    privacy: { truncateIp: true, blockedUrls: ['/admin/*'] },
  });
  expect(settings).toMatchObject({
    timeZone: 'Europe/Berlin',
    eventsRetentionDays: 365,
    replayRetentionDays: 14,
    ingest: {
      allowedOrigins: ['https://shop.example'],
      rateLimitEventsPerSecond: 50,
      rateLimitBurstEvents: 0,
    },
    privacy: { truncateIp: true, blockedUrls: ['/admin/*'] },
  });
  const { rows } = await api.pool.query(
    'SELECT time_zone, rate_limit_burst_events FROM projects WHERE id = $1',
    [projectId],
  );
  expect(rows).toEqual([{ time_zone: 'Europe/Berlin', rate_limit_burst_events: null }]);
});

it('refuses bad values with a message naming the field, and writes nothing', async () => {
  const { projectId, ownerToken } = await api.project();
  const update = (request: object) =>
    codeOf(projects(ownerToken).updateProjectSettings({ projectId, ...request }));
  expect(await update({ timeZone: 'Mars/Base', replayRetentionDays: 7 })).toEqual([
    'InvalidArgument',
    'time_zone "Mars/Base" is not an IANA time zone such as Europe/Berlin or UTC',
  ]);
  expect(await update({ eventsRetentionDays: 0 })).toEqual([
    'InvalidArgument',
    'events_retention_days must be a whole number of days from 1 to 3650; got 0',
  ]);
  expect((await update({ ingest: { allowedOrigins: ['https://a.example/path'] } }))[1]).toMatch(
    /^allowed_origins:/,
  );
  const thresholds = await codeOf(
    projects(ownerToken).updateSignalThresholds({
      projectId,
      signal: 'rage_click',
      values: { minClicks: 1 },
    }),
  );
  expect(thresholds).toEqual([
    'InvalidArgument',
    'rage_click.minClicks must be between 2 and 50 clicks; got 1',
  ]);
  expect(
    (await codeOf(projects(ownerToken).updateSignalThresholds({ projectId, signal: 'slow_page' })))[1],
  ).toMatch(/^signal must be one of rage_click/);
  const { settings } = await projects(ownerToken).getProjectSettings({ projectId });
  expect(settings?.replayRetentionDays).toBe(30);
});

it('stores thresholds the processor applies, and a Member may not change them', async () => {
  const { projectId, ownerToken } = await api.project();
  const member = await api.user(projectId, 'member');
  const { signal } = await projects(ownerToken).updateSignalThresholds({
    projectId,
    signal: 'dead_click',
    values: { reactionWindowMs: 1500, repeatWindowMs: 1000, interactiveOnly: 0 },
  });
  expect(signal?.thresholds.map((t) => [t.name, t.value, t.flag])).toEqual([
    ['reactionWindowMs', 1500, false],
    ['repeatWindowMs', 1000, false],
    ['interactiveOnly', 0, true],
  ]);
  const { rows } = await api.pool.query(
    "SELECT overrides FROM project_signal_settings WHERE project_id = $1 AND signal = 'dead_click'",
    [projectId],
  );
  const deadClick = DETECTORS.find((d) => d.signal === 'dead_click')!;
  expect(resolveThresholds(deadClick, rows[0].overrides)).toEqual({
    thresholds: { reactionWindowMs: 1500, repeatWindowMs: 1000, interactiveOnly: false },
    problems: [],
  });
  const refused = await codeOf(
    projects(member.token).updateSignalThresholds({ projectId, signal: 'dead_click', values: {} }),
  );
  expect(refused[0]).toBe('PermissionDenied');
  const { settings } = await projects(member.token).getProjectSettings({ projectId });
  expect(settings?.signals.find((s) => s.signal === 'dead_click')?.thresholds[0]?.value).toBe(1500);
});
