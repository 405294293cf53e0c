import { createClient } from '@connectrpc/connect';
import { createConnectTransport, createGrpcTransport } from '@connectrpc/connect-node';
import { createTestInfra, type TestInfra } from '@gosight/common/test-infra';
import { AuthService } from '@gosight/proto/v1/auth_service_pb';
import { SessionService } from '@gosight/proto/v1/session_service_pb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningApi, startApi } from './api.ts';
import { apiConfigFrom } from './config.ts';

// The API as it runs: one port, Connect and gRPC, /healthz and /metrics.
let infra: TestInfra;
let api: RunningApi;
let baseUrl: string;

beforeAll(async () => {
  infra = await createTestInfra('api_server');
  api = await startApi({ ...apiConfigFrom({}), port: 0, sessionTtlMs: 60_000, infra: infra.config });
  baseUrl = `http://127.0.0.1:${api.port}`;
});

afterAll(async () => {
  await api?.stop();
  await infra?.cleanup();
});

it('signs in over Connect and reads over gRPC with the bearer token', async () => {
  const connect = createConnectTransport({ baseUrl, httpVersion: '1.1' });
  const boot = await createClient(AuthService, connect).bootstrap({
    email: 'ops@example.test',
    password: 'a long password',
    projectName: 'Ops',
  });
  const grpc = createClient(SessionService, createGrpcTransport({ baseUrl }));
  await expect(grpc.listSessions({ projectId: 'ops' })).rejects.toThrow(/authentication required/);
  const headers = { authorization: `Bearer ${boot.sessionToken}` };
  await expect(grpc.listSessions({ projectId: 'ops' }, { headers })).resolves.toMatchObject({ sessions: [] });
});

it('serves health and Prometheus metrics counting calls by code', async () => {
  expect(await (await fetch(`${baseUrl}/healthz`)).text()).toBe('ok\n');
  const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
  const calls = (code: string) =>
    `gosight_api_requests_total{grpc_service="gosight.v1.SessionService",grpc_method="ListSessions",grpc_code="${code}"`;
  expect(metrics).toContain(calls('Unauthenticated'));
  expect(metrics).toContain(calls('OK'));
  expect(metrics).toContain('gosight_api_request_duration_seconds_bucket');
});
