// Cross-project access: credentials of project A get nothing of project B.
// roles.integration.test.ts covers every RPC for every role inside one
// project (and a signed-in outsider); this file covers API tokens used on
// another project's id, and A's Owner naming B's objects (keys, tokens,
// channels, rules, members) under A's project id.
import type { DescMessage, DescMethod, DescService } from '@bufbuild/protobuf';
import { Code, ConnectError } from '@connectrpc/connect';
import {
  AlertChannelKind,
  AlertCondition,
  AlertMetric,
  AlertService,
} from '@gosight/proto/v1/alert_service_pb';
import { AuthService } from '@gosight/proto/v1/auth_service_pb';
import { ProjectService, Role } from '@gosight/proto/v1/project_service_pb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { API_SERVICES } from './routes.ts';
import { type ApiHarness, createApiHarness } from './test/api-harness.ts';

let api: ApiHarness;
let a: { projectId: string; ownerToken: string; writeKey: string };
let b: { projectId: string; ownerToken: string; writeKey: string };

beforeAll(async () => {
  api = await createApiHarness('api_cross_access');
  [a, b] = await Promise.all([api.project('Shop A'), api.project('Shop B')]);
});

afterAll(async () => {
  await api?.close();
});

// The request naming projectId at the top or one message down (e.g. query.projectId, rule.projectId).
function requestFor(input: DescMessage, projectId: string): Record<string, unknown> | undefined {
  if (input.field.projectId) return { projectId };
  for (const field of input.fields)
    if (field.fieldKind === 'message' && field.message.field.projectId)
      return { [field.localName]: { projectId } };
  return undefined;
}

async function outcome(
  service: DescService,
  method: DescMethod,
  token: string,
  request: object,
): Promise<string> {
  const client = api.client(service, token) as unknown as Record<string, (input: object) => unknown>;
  try {
    const call = client[method.localName]!(request);
    if (method.methodKind === 'server_streaming') for await (const _ of call as AsyncIterable<unknown>) break;
    else await call;
    return 'allowed';
  } catch (error) {
    return Code[ConnectError.from(error).code];
  }
}

it("refuses project A's API tokens on every RPC naming project B", async () => {
  const owner = (
    await api.pool.query<{ user_id: string }>(
      "SELECT user_id FROM project_members WHERE project_id = $1 AND role = 'owner'",
      [a.projectId],
    )
  ).rows[0]!.user_id;
  const tokens = [
    await api.apiToken(a.projectId, 'member', owner),
    await api.apiToken(a.projectId, 'viewer', owner),
  ];
  const seen: string[] = [];
  // Bootstrap's project is the one it creates; UpdateMemberRole checks its role field first.
  const extra: Record<string, object> = { UpdateMemberRole: { userId: 'usr_missing', role: Role.VIEWER } };
  for (const service of API_SERVICES.filter((s) => s !== AuthService))
    for (const method of service.methods) {
      const base = requestFor(method.input, b.projectId);
      const request = base && { ...base, ...extra[method.name] };
      if (!request) continue;
      for (const token of tokens)
        seen.push(`${service.name}.${method.name}: ${await outcome(service, method, token, request)}`);
    }
  expect(seen.length).toBeGreaterThan(30);
  expect(seen.filter((line) => !line.endsWith(': PermissionDenied'))).toEqual([]);
});

it("lets A's Owner touch none of B's keys, tokens, channels, rules or members through A's id", async () => {
  const projectsA = api.client(ProjectService, a.ownerToken);
  const projectsB = api.client(ProjectService, b.ownerToken);
  const alertsA = api.client(AlertService, a.ownerToken);
  const alertsB = api.client(AlertService, b.ownerToken);
  const token = await projectsB.createApiToken({ projectId: b.projectId, label: 'b', role: Role.VIEWER });
  const { channel } = await alertsB.createAlertChannel({
    projectId: b.projectId,
    name: 'B hook',
    kind: AlertChannelKind.WEBHOOK,
    webhookUrl: 'https://hooks.example/b',
    webhookSecret: 'b-secret-value-0123456789',
  });
  const { rule } = await alertsB.createAlertRule({
    rule: {
      projectId: b.projectId,
      name: 'B rage',
      metric: AlertMetric.RAGE_CLICKS,
      condition: AlertCondition.ABOVE,
      threshold: 1,
      windowSeconds: 60,
      channelIds: [channel!.id],
    },
  });
  const { members } = await projectsB.listMembers({ projectId: b.projectId });
  const bOwner = members[0]!.userId;
  const attempts = await Promise.all(
    [
      projectsA.revokeWriteKey({ projectId: a.projectId, key: b.writeKey }),
      projectsA.rotateWriteKey({ projectId: a.projectId, key: b.writeKey }),
      projectsA.revokeApiToken({ projectId: a.projectId, tokenId: token.token!.tokenId }),
      projectsA.rotateApiToken({ projectId: a.projectId, tokenId: token.token!.tokenId }),
      alertsA.deleteAlertChannel({ projectId: a.projectId, channelId: channel!.id }),
      alertsA.sendTestMessage({ projectId: a.projectId, channelId: channel!.id }),
      alertsA.deleteAlertRule({ projectId: a.projectId, ruleId: rule!.id }),
      projectsA.removeMember({ projectId: a.projectId, userId: bOwner }),
      projectsA.updateMemberRole({ projectId: a.projectId, userId: bOwner, role: Role.VIEWER }),
    ].map((call) =>
      call.then(
        () => 'allowed',
        (error: unknown) => Code[ConnectError.from(error).code],
      ),
    ),
  );
  expect(attempts).toEqual(Array(attempts.length).fill('NotFound'));
  const keys = await projectsB.listWriteKeys({ projectId: b.projectId });
  expect(keys.keys.find((k) => k.key === b.writeKey)).toMatchObject({ revokedAtMs: 0n });
  expect((await projectsB.listApiTokens({ projectId: b.projectId })).tokens).toHaveLength(1);
  expect((await alertsB.listAlertChannels({ projectId: b.projectId })).channels).toHaveLength(1);
  expect((await alertsB.listAlertRules({ projectId: b.projectId })).rules).toHaveLength(1);
  expect((await projectsB.listMembers({ projectId: b.projectId })).members).toHaveLength(1);
});
