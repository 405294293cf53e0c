import type { DescMethod, DescService } from '@bufbuild/protobuf';
import { Code, ConnectError } from '@connectrpc/connect';
import { AlertChannelKind } from '@gosight/proto/v1/alert_service_pb';
import { Role } from '@gosight/proto/v1/project_service_pb';
import { ViewportClass } from '@gosight/proto/v1/query_pb';
import { SessionService } from '@gosight/proto/v1/session_service_pb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSession } from './accounts/users.ts';
import { allows, type Permission, type RoleName } from './auth/roles.ts';
import { API_SERVICES } from './routes.ts';
import { type ApiHarness, createApiHarness, ROLES } from './test/api-harness.ts';

// Every RPC of every service against every kind of caller. "public" needs no
// token, "user" a signed-in user (API tokens refused), the others a role in
// the project allowing that permission.
type Need = 'public' | 'user' | Permission;

interface Case {
  need: Need;
  request(ctx: { projectId: string; email: string }): object;
}

const heatmap = (projectId: string) => ({
  query: { projectId, url: 'https://shop.example/', viewportClass: ViewportClass.DESKTOP },
});

const CASES: Record<string, Case> = {
  'AuthService.Bootstrap': {
    need: 'public',
    request: () => ({ email: 'x@example.test', password: 'long enough' }),
  },
  'AuthService.Login': {
    need: 'public',
    request: ({ email }) => ({ email, password: 'correct horse battery' }),
  },
  'AuthService.Logout': { need: 'user', request: () => ({}) },
  'AuthService.GetMe': { need: 'user', request: () => ({}) },
  'ProjectService.ListProjects': { need: 'user', request: () => ({}) },
  'ProjectService.CreateProject': { need: 'user', request: () => ({ name: 'Another' }) },
  'ProjectService.UpdateProject': {
    need: 'project.manage',
    request: ({ projectId }) => ({ projectId, name: 'Renamed' }),
  },
  'ProjectService.ListMembers': { need: 'analytics.read', request: ({ projectId }) => ({ projectId }) },
  'ProjectService.AddMember': {
    need: 'project.manage',
    request: ({ projectId }) => ({ projectId, email: 'nobody@example.test', role: Role.VIEWER }),
  },
  'ProjectService.UpdateMemberRole': {
    need: 'project.manage',
    request: ({ projectId }) => ({ projectId, userId: 'usr_missing', role: Role.VIEWER }),
  },
  'ProjectService.RemoveMember': {
    need: 'project.manage',
    request: ({ projectId }) => ({ projectId, userId: 'usr_missing' }),
  },
  'ProjectService.ListWriteKeys': { need: 'keys.read', request: ({ projectId }) => ({ projectId }) },
  'ProjectService.CreateWriteKey': {
    need: 'project.manage',
    request: ({ projectId }) => ({ projectId, label: 'ci' }),
  },
  'ProjectService.RevokeWriteKey': {
    need: 'project.manage',
    request: ({ projectId }) => ({ projectId, key: 'gs_missing' }),
  },
  'ProjectService.RotateWriteKey': {
    need: 'project.manage',
    request: ({ projectId }) => ({ projectId, key: 'gs_missing' }),
  },
  'ProjectService.ListApiTokens': { need: 'project.manage', request: ({ projectId }) => ({ projectId }) },
  'ProjectService.CreateApiToken': {
    need: 'project.manage',
    request: ({ projectId }) => ({ projectId, label: 'ci' }),
  },
  'ProjectService.RevokeApiToken': {
    need: 'project.manage',
    request: ({ projectId }) => ({ projectId, tokenId: 'tok_x' }),
  },
  'ProjectService.RotateApiToken': {
    need: 'project.manage',
    request: ({ projectId }) => ({ projectId, tokenId: 'tok_x' }),
  },
  'ProjectService.GetProjectSettings': {
    need: 'analytics.read',
    request: ({ projectId }) => ({ projectId }),
  },
  'ProjectService.UpdateProjectSettings': {
    need: 'project.manage',
    request: ({ projectId }) => ({ projectId, replayRetentionDays: 30 }),
  },
  'ProjectService.UpdateSignalThresholds': {
    need: 'project.manage',
    request: ({ projectId }) => ({ projectId, signal: 'rage_click', values: {} }),
  },
  'SessionService.ListSessions': { need: 'analytics.read', request: ({ projectId }) => ({ projectId }) },
  'SessionService.GetSession': {
    need: 'analytics.read',
    request: ({ projectId }) => ({ projectId, sessionId: 's1' }),
  },
  'SessionService.GetSessionReplay': {
    need: 'content.read',
    request: ({ projectId }) => ({ projectId, sessionId: 's1' }),
  },
  'SessionService.StreamSessionReplay': {
    need: 'content.read',
    request: ({ projectId }) => ({ projectId, sessionId: 's1' }),
  },
  'InsightService.ListInsights': { need: 'analytics.read', request: ({ projectId }) => ({ projectId }) },
  'InsightService.GetInsightSummary': { need: 'analytics.read', request: ({ projectId }) => ({ projectId }) },
  'HeatmapService.GetClickMap': { need: 'analytics.read', request: ({ projectId }) => heatmap(projectId) },
  'HeatmapService.GetScrollMap': { need: 'analytics.read', request: ({ projectId }) => heatmap(projectId) },
  'HeatmapService.GetMovementMap': { need: 'analytics.read', request: ({ projectId }) => heatmap(projectId) },
  'HeatmapService.GetPageSnapshot': { need: 'content.read', request: ({ projectId }) => heatmap(projectId) },
  'HeatmapService.ListPages': { need: 'analytics.read', request: ({ projectId }) => ({ projectId }) },
  'ErrorService.ListErrorGroups': { need: 'analytics.read', request: ({ projectId }) => ({ projectId }) },
  'AnalyticsService.GetOverview': { need: 'analytics.read', request: ({ projectId }) => ({ projectId }) },
  'AnalyticsService.GetTrends': { need: 'analytics.read', request: ({ projectId }) => ({ projectId }) },
  'AnalyticsService.GetFunnel': {
    need: 'analytics.read',
    request: ({ projectId }) => ({
      projectId,
      steps: [
        { match: { case: 'urlContains', value: '/' } },
        { match: { case: 'clickSelector', value: '#buy' } },
      ],
    }),
  },
  'AlertService.ListAlertChannels': { need: 'analytics.read', request: ({ projectId }) => ({ projectId }) },
  'AlertService.CreateAlertChannel': {
    need: 'project.manage',
    request: ({ projectId }) => ({
      projectId,
      name: 'Ops webhook',
      kind: AlertChannelKind.WEBHOOK,
      webhookUrl: 'https://hooks.example.test/gosight',
      webhookSecret: 'a-secret-of-some-length',
    }),
  },
  'AlertService.DeleteAlertChannel': {
    need: 'project.manage',
    request: ({ projectId }) => ({ projectId, channelId: 'chn_missing' }),
  },
  'AlertService.SendTestMessage': {
    need: 'project.manage',
    request: ({ projectId }) => ({ projectId, channelId: 'chn_missing' }),
  },
  'AlertService.ListAlertRules': { need: 'analytics.read', request: ({ projectId }) => ({ projectId }) },
  'AlertService.CreateAlertRule': {
    need: 'project.manage',
    request: ({ projectId }) => ({ rule: { projectId, name: 'No channel yet', windowSeconds: 60 } }),
  },
  'AlertService.DeleteAlertRule': {
    need: 'project.manage',
    request: ({ projectId }) => ({ projectId, ruleId: 'rul_missing' }),
  },
  'LiveService.StreamLive': {
    need: 'analytics.read',
    request: ({ projectId }) => ({ projectId, intervalMs: 500 }),
  },
};

type Caller =
  | { name: string; kind: 'anonymous' }
  | { name: string; kind: 'user'; role?: RoleName }
  | { name: string; kind: 'api-token'; role: 'member' | 'viewer' };

const CALLERS: Caller[] = [
  { name: 'anonymous', kind: 'anonymous' },
  ...ROLES.map((role): Caller => ({ name: role, kind: 'user', role })),
  { name: 'outsider', kind: 'user' },
  { name: 'api token (member)', kind: 'api-token', role: 'member' },
  { name: 'api token (viewer)', kind: 'api-token', role: 'viewer' },
];

function expected(caller: Caller, need: Need): 'allowed' | Code {
  if (need === 'public') return 'allowed';
  if (caller.kind === 'anonymous') return Code.Unauthenticated;
  if (need === 'user') return caller.kind === 'user' ? 'allowed' : Code.PermissionDenied;
  if (!caller.role) return Code.PermissionDenied;
  return allows(caller.role, need) ? 'allowed' : Code.PermissionDenied;
}

let api: ApiHarness;
let projectId: string;
const identities = new Map<string, { token?: string; email: string; userId?: string }>();

beforeAll(async () => {
  api = await createApiHarness('api_roles');
  const project = await api.project();
  projectId = project.projectId;
  const owner = await api.user(projectId, 'owner');
  for (const caller of CALLERS) {
    if (caller.kind === 'anonymous') identities.set(caller.name, { email: owner.email });
    else if (caller.kind === 'user') identities.set(caller.name, await api.user(projectId, caller.role));
    else
      identities.set(caller.name, {
        email: owner.email,
        token: await api.apiToken(projectId, caller.role, owner.userId),
      });
  }
});

afterAll(async () => {
  await api?.close();
});

async function call(service: DescService, method: DescMethod, token: string | undefined, request: object) {
  const client = api.client(service, token) as unknown as Record<string, (input: object) => unknown>;
  const run = client[method.localName]!;
  if (method.methodKind === 'server_streaming') {
    for await (const _ of run(request) as AsyncIterable<unknown>) break;
    return;
  }
  await run(request);
}

it('has a case for every RPC of every service', () => {
  const methods = API_SERVICES.flatMap((service) => service.methods.map((m) => `${service.name}.${m.name}`));
  expect(Object.keys(CASES).sort()).toEqual(methods.sort());
});

it('lets each caller do exactly what its role allows', async () => {
  const outcomes: string[] = [];
  const wanted: string[] = [];
  for (const caller of CALLERS) {
    const identity = identities.get(caller.name)!;
    await Promise.all(
      API_SERVICES.flatMap((service) =>
        service.methods.map(async (method) => {
          const key = `${service.name}.${method.name}`;
          const testCase = CASES[key]!;
          let token = identity.token;
          // Logout ends the session it is called with: give it its own.
          if (key === 'AuthService.Logout' && identity.userId) {
            token = (await startSession(api.pool, identity.userId, 60_000)).token;
          }
          let outcome: string;
          try {
            await call(service, method, token, testCase.request({ projectId, email: identity.email }));
            outcome = 'allowed';
          } catch (error) {
            const { code } = ConnectError.from(error);
            outcome =
              code === Code.Unauthenticated || code === Code.PermissionDenied ? Code[code] : 'allowed';
            if (code === Code.Internal || code === Code.Unknown) outcome = `Internal: ${String(error)}`;
          }
          const want = expected(caller, testCase.need);
          outcomes.push(`${caller.name} ${key}: ${outcome}`);
          wanted.push(`${caller.name} ${key}: ${want === 'allowed' ? want : Code[want]}`);
        }),
      ),
    );
  }
  expect(outcomes.sort()).toEqual(wanted.sort());
});

it('explains a refusal with the role needed and the role held', async () => {
  const viewer = identities.get('viewer')!;
  await expect(
    api.client(SessionService, viewer.token).getSessionReplay({ projectId, sessionId: 's1' }),
  ).rejects.toThrow(/recorded content .* needs the Member role or higher; you are Viewer/);
  await expect(api.client(SessionService).listSessions({ projectId })).rejects.toThrow(
    /authentication required/,
  );
  await expect(api.client(SessionService, 'gss_forged').listSessions({ projectId })).rejects.toThrow(
    /invalid, expired or revoked/,
  );
});
