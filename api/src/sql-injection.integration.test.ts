// SQL injection through every string field of the query RPCs: each payload in
// each field returns an empty or correctly filtered result (or a precise
// InvalidArgument), never another project's rows, never Internal, and the
// tables are intact afterwards. A value that really contains quotes and
// backslashes is matched exactly.
import { type DescMessage, type DescMethod, type DescService, ScalarType } from '@bufbuild/protobuf';
import { Code, ConnectError } from '@connectrpc/connect';
import { AnalyticsService } from '@gosight/proto/v1/analytics_service_pb';
import { ErrorService } from '@gosight/proto/v1/error_service_pb';
import { HeatmapService } from '@gosight/proto/v1/heatmap_service_pb';
import { InsightService } from '@gosight/proto/v1/insight_service_pb';
import { ViewportClass } from '@gosight/proto/v1/query_pb';
import { SessionService } from '@gosight/proto/v1/session_service_pb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiHarness, createApiHarness } from './test/api-harness.ts';
import { eventRow, NOW, sessionRow } from './test/fixtures.ts';

const PAYLOADS = [
  "' OR '1'='1",
  "x' OR 1=1 --",
  "'; DROP TABLE sessions; --",
  "\\' OR 1=1 --",
  '\\',
  "%' UNION ALL SELECT * FROM system.tables --",
  '") OR ("1"="1',
  'a\u0000b',
  '\ud800',
  `${"'".repeat(500)}`,
];
const QUOTED = `Br'ow\\ser"; --`;
const SERVICES: DescService[] = [
  SessionService,
  InsightService,
  HeatmapService,
  ErrorService,
  AnalyticsService,
];
const TABLES = ['sessions', 'events', 'insights', 'replay_chunks', 'mouse_samples'];

let api: ApiHarness;
let projectId: string;
let token: string;
const range = { fromMs: BigInt(NOW - 3_600_000), toMs: BigInt(NOW + 60_000) };

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const result = await api.clickhouse.query({
      query: `SELECT count() AS n FROM ${table}`,
      format: 'JSONEachRow',
    });
    out[table] = Number(((await result.json()) as { n: string }[])[0]!.n);
  }
  return out;
}

beforeAll(async () => {
  api = await createApiHarness('api_injection');
  ({ projectId } = await api.project());
  const other = await api.project();
  token = (await api.user(projectId, 'member')).token;
  defaults = {
    projectId,
    timeRange: range,
    viewportClass: ViewportClass.DESKTOP,
    url: 'https://shop.example/',
  };
  const at = NOW - 600_000;
  await api.clickhouse.insert({
    table: 'sessions',
    values: [
      sessionRow(projectId, 'mine', at, { browser: QUOTED }),
      sessionRow(projectId, 'plain', at, { browser: 'Chrome' }),
      sessionRow(other.projectId, 'LEAK-session', at, {
        entry_url: 'https://LEAK.example/',
        user_id: 'LEAK-user',
      }),
    ],
    format: 'JSONEachRow',
  });
  await api.clickhouse.insert({
    table: 'events',
    values: [
      eventRow(projectId, 'mine', 'e1', at, 'page_view'),
      eventRow(other.projectId, 'LEAK-session', 'LEAK-event', at, 'js_error', {
        url: 'https://LEAK.example/',
        error_message: 'LEAK error',
        error_fingerprint: 'LEAK-fp',
      }),
    ],
    format: 'JSONEachRow',
  });
});

afterAll(async () => {
  await api?.close();
});

// Every string field of a request (two messages down, repeated messages as
// one element), except the project id, as a function setting it.
type Setter = { path: string; set: (value: string) => Record<string, unknown> };

function stringFields(message: DescMessage, depth = 0): Setter[] {
  return message.fields.flatMap((field): Setter[] => {
    if (field.localName === 'projectId') return [];
    const wrap = (value: unknown) =>
      field.oneof
        ? { [field.oneof.localName]: { case: field.localName, value } }
        : { [field.localName]: value };
    if (field.fieldKind === 'scalar' && field.scalar === ScalarType.STRING)
      return [{ path: field.localName, set: (v) => wrap(v) }];
    if (field.fieldKind === 'list' && field.listKind === 'scalar' && field.scalar === ScalarType.STRING)
      return [{ path: `${field.localName}[]`, set: (v) => wrap([v]) }];
    if (depth >= 2) return [];
    if (field.fieldKind === 'message')
      return stringFields(field.message, depth + 1).map((inner) => ({
        path: `${field.localName}.${inner.path}`,
        set: (v) => wrap({ ...defaults, ...inner.set(v) }),
      }));
    if (field.fieldKind === 'list' && field.listKind === 'message')
      return stringFields(field.message, depth + 1).map((inner) => ({
        path: `${field.localName}[].${inner.path}`,
        // Funnels need two steps, each with a match.
        set: (v) => wrap([{ ...STEP, ...inner.set(v) }, STEP]),
      }));
    return [];
  });
}

const STEP = { name: 'step', match: { case: 'urlContains', value: 'shop.example' } };
// Set on every request message; create() ignores the fields a message lacks.
let defaults: Record<string, unknown> = {};

async function run(service: DescService, method: DescMethod, request: object): Promise<string> {
  const client = api.client(service, token) as unknown as Record<string, (input: object) => unknown>;
  try {
    const call = client[method.localName]!(request);
    const response = (method.methodKind === 'server_streaming' ? {} : await call) as Record<string, unknown>;
    if (JSON.stringify(response, (_, v) => (typeof v === 'bigint' ? String(v) : v)).includes('LEAK'))
      return 'LEAKED another project';
    // No stored value contains any payload: a list of sessions or insights must come back empty.
    const rows = [response.sessions, response.insights].filter(
      (list) => Array.isArray(list) && list.length > 0,
    );
    return rows.length > 0 ? 'unfiltered rows' : 'answered';
  } catch (error) {
    return Code[ConnectError.from(error).code];
  }
}

it('answers every payload in every string field without error, leak or damage', async () => {
  const before = await counts();
  const bad: string[] = [];
  let answered = 0;
  for (const service of SERVICES)
    for (const method of service.methods.filter((m) => m.methodKind === 'unary'))
      for (const field of stringFields(method.input))
        for (const payload of PAYLOADS) {
          const outcome = await run(service, method, { ...defaults, ...field.set(payload) });
          if (outcome === 'answered') answered++;
          else if (outcome !== 'InvalidArgument' && outcome !== 'NotFound')
            bad.push(`${service.name}.${method.name} ${field.path}=${JSON.stringify(payload)}: ${outcome}`);
        }
  expect(bad).toEqual([]);
  expect(answered).toBeGreaterThan(100);
  expect(await counts()).toEqual(before);
}, 60_000);

it('matches a browser name holding quotes and backslashes exactly', async () => {
  const sessions = api.client(SessionService, token);
  const found = await sessions.listSessions({ projectId, filter: { timeRange: range, browser: QUOTED } });
  expect(found.sessions.map((s) => s.sessionId)).toEqual(['mine']);
  const none = await sessions.listSessions({
    projectId,
    filter: { timeRange: range, browser: "' OR '1'='1" },
  });
  expect(none.sessions).toEqual([]);
});
