import type { MessageInitShape } from '@bufbuild/protobuf';
import { createClient } from '@connectrpc/connect';
import { Role } from '@gosight/proto/v1/project_service_pb';
import {
  type GetSessionResponse,
  type ListSessionsResponse,
  type ReplayChunkView,
  type SessionFilterSchema,
  SessionService,
} from '@gosight/proto/v1/session_service_pb';
import { cache } from 'react';
import { ApiError, call, transport } from './client';
import { findProject, getMe } from './me';

const sessions = createClient(SessionService, transport);

export function listSessions(
  projectId: string,
  options: { filter?: MessageInitShape<typeof SessionFilterSchema>; cursor?: string; limit?: number } = {},
): Promise<ListSessionsResponse> {
  return call('ListSessions', (headers) =>
    sessions.listSessions(
      { projectId, filter: options.filter, cursor: options.cursor ?? '', limit: options.limit ?? 25 },
      { headers },
    ),
  );
}

// Cached per request: the summary and the timeline panels both render from one response.
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

/**
 * Whether the signed-in user may see recorded content (replays, element text)
 * in this project: Members and up. The API refuses it to Viewers anyway; the
 * interface must not even offer it.
 */
export async function canSeeRecordings(projectId: string): Promise<boolean> {
  let role: Role;
  try {
    role = findProject(await getMe(), projectId)?.role ?? Role.UNSPECIFIED;
  } catch (err) {
    // The project layout shows why GetMe failed; here the answer is "no" (fail closed).
    if (err instanceof ApiError) return false;
    throw err;
  }
  return role === Role.OWNER || role === Role.ADMIN || role === Role.MEMBER;
}
