import { createClient } from '@connectrpc/connect';
import {
  type GetSessionResponse,
  type ReplayChunkView,
  SessionService,
  type SessionSummary,
} from '@gosight/proto/v1/session_service_pb';
import { cache } from 'react';
import { call, transport } from './client';

const sessions = createClient(SessionService, transport);

export const listSessions = cache(
  (projectId: string): Promise<SessionSummary[]> =>
    call(
      'ListSessions',
      async (headers) => (await sessions.listSessions({ projectId }, { headers })).sessions,
    ),
);

// Cached per request: the summary and the events panels both render from one response.
export const getSession = cache(
  (projectId: string, sessionId: string): Promise<GetSessionResponse> =>
    call('GetSession', (headers) => sessions.getSession({ projectId, sessionId }, { headers })),
);

export const getSessionReplay = cache(
  (projectId: string, sessionId: string): Promise<ReplayChunkView[]> =>
    call(
      'GetSessionReplay',
      async (headers) => (await sessions.getSessionReplay({ projectId, sessionId }, { headers })).chunks,
    ),
);
