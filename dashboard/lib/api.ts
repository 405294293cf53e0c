import type { MessageInitShape } from '@bufbuild/protobuf';
import { Code, ConnectError, createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';
import {
  type AlertChannel,
  type AlertRule,
  AlertService,
  type CreateAlertChannelRequestSchema,
  type CreateAlertRuleRequestSchema,
} from '@gosight/proto/v1/alert_service_pb';
import { AuthService } from '@gosight/proto/v1/auth_service_pb';
import {
  type GetSessionResponse,
  type ReplayChunkView,
  SessionService,
  type SessionSummary,
} from '@gosight/proto/v1/session_service_pb';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { config, SESSION_COOKIE } from './config';

// The only module that talks to the GoSight API. Server components and server
// actions only: it uses node:http. The signed-in user's session token lives in
// an httpOnly cookie and goes to the API as "Authorization: Bearer <token>".

const transport = createConnectTransport({
  baseUrl: config.apiUrl,
  httpVersion: '1.1',
  defaultTimeoutMs: config.apiTimeoutMs,
});
const client = createClient(SessionService, transport);
export const authClient = createClient(AuthService, transport);
const alerts = createClient(AlertService, transport);

/** Headers that authenticate the current request's user; sends them to /login when signed out. */
async function authHeaders(): Promise<HeadersInit> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) redirect('/login');
  return { authorization: `Bearer ${token}` };
}

/** A failed API call, with a message fit to show on the page. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly operation: string,
    readonly code: Code,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

async function call<T>(operation: string, run: (headers: HeadersInit) => Promise<T>): Promise<T> {
  const headers = await authHeaders();
  try {
    return await run(headers);
  } catch (err) {
    const connectError = ConnectError.from(err);
    if (connectError.code !== Code.Unauthenticated) throw toApiError(operation, connectError, err);
  }
  // The session expired or was ended elsewhere: sign in again.
  redirect('/login?expired=1');
}

function toApiError(operation: string, connectError: ConnectError, err: unknown): ApiError {
  const detail = connectError.rawMessage || Code[connectError.code];
  const message =
    connectError.code === Code.Unavailable || connectError.code === Code.DeadlineExceeded
      ? `Could not reach the GoSight API at ${config.apiUrl} (${operation}): ${detail}`
      : `${operation} failed (${Code[connectError.code]}): ${detail}`;
  return new ApiError(operation, connectError.code, message, { cause: err });
}

export const listSessions = cache(
  (projectId: string): Promise<SessionSummary[]> =>
    call('ListSessions', async (headers) => (await client.listSessions({ projectId }, { headers })).sessions),
);

// Cached per request: the summary and the events panels both render from one response.
export const getSession = cache(
  (projectId: string, sessionId: string): Promise<GetSessionResponse> =>
    call('GetSession', (headers) => client.getSession({ projectId, sessionId }, { headers })),
);

export const getSessionReplay = cache(
  (projectId: string, sessionId: string): Promise<ReplayChunkView[]> =>
    call(
      'GetSessionReplay',
      async (headers) => (await client.getSessionReplay({ projectId, sessionId }, { headers })).chunks,
    ),
);

export const listAlertChannels = cache(
  (projectId: string): Promise<AlertChannel[]> =>
    call(
      'ListAlertChannels',
      async (headers) => (await alerts.listAlertChannels({ projectId }, { headers })).channels,
    ),
);

export const listAlertRules = cache(
  (projectId: string): Promise<AlertRule[]> =>
    call(
      'ListAlertRules',
      async (headers) => (await alerts.listAlertRules({ projectId }, { headers })).rules,
    ),
);

export function createAlertChannel(request: MessageInitShape<typeof CreateAlertChannelRequestSchema>) {
  return call('CreateAlertChannel', (headers) => alerts.createAlertChannel(request, { headers }));
}

export function createAlertRule(request: MessageInitShape<typeof CreateAlertRuleRequestSchema>) {
  return call('CreateAlertRule', (headers) => alerts.createAlertRule(request, { headers }));
}

export function deleteAlertRule(projectId: string, ruleId: string) {
  return call('DeleteAlertRule', (headers) => alerts.deleteAlertRule({ projectId, ruleId }, { headers }));
}

export function sendTestMessage(projectId: string, channelId: string) {
  return call('SendTestMessage', (headers) => alerts.sendTestMessage({ projectId, channelId }, { headers }));
}
