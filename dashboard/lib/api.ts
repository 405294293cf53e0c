import { Code, ConnectError, createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';
import {
  type GetSessionResponse,
  type ReplayChunkView,
  SessionService,
  type SessionSummary,
} from '@gosight/proto/v1/session_service_pb';
import { cache } from 'react';
import { config } from './config';

// The only module that talks to the GoSight API. Server components only: it uses node:http.

const client = createClient(
  SessionService,
  createConnectTransport({
    baseUrl: config.apiUrl,
    httpVersion: '1.1',
    defaultTimeoutMs: config.apiTimeoutMs,
  }),
);

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

async function call<T>(operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const connectError = ConnectError.from(err);
    const detail = connectError.rawMessage || Code[connectError.code];
    const message =
      connectError.code === Code.Unavailable || connectError.code === Code.DeadlineExceeded
        ? `Could not reach the GoSight API at ${config.apiUrl} (${operation}): ${detail}`
        : `${operation} failed (${Code[connectError.code]}): ${detail}`;
    throw new ApiError(operation, connectError.code, message, { cause: err });
  }
}

export const listSessions = cache(
  (projectId: string): Promise<SessionSummary[]> =>
    call('ListSessions', async () => (await client.listSessions({ projectId })).sessions),
);

// Cached per request: the summary and the events panels both render from one response.
export const getSession = cache(
  (projectId: string, sessionId: string): Promise<GetSessionResponse> =>
    call('GetSession', () => client.getSession({ projectId, sessionId })),
);

export const getSessionReplay = cache(
  (projectId: string, sessionId: string): Promise<ReplayChunkView[]> =>
    call('GetSessionReplay', async () => (await client.getSessionReplay({ projectId, sessionId })).chunks),
);
