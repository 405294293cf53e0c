import type { MessageInitShape } from '@bufbuild/protobuf';
import { Code, ConnectError, createClient } from '@connectrpc/connect';
import { Role } from '@gosight/proto/v1/project_service_pb';
import {
  type GetSessionResponse,
  type ListSessionsResponse,
  type SessionFilterSchema,
  SessionService,
} from '@gosight/proto/v1/session_service_pb';
import { cache } from 'react';
import { recordApiCall } from '../metrics';
import type { ReplayChunkData } from '../replay-events';
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

/**
 * The recording in batches of chunks (SessionService.StreamSessionReplay), for
 * the replay route that relays them to the player while they arrive. Ends when
 * the API has sent every chunk or `signal` aborts (the browser went away).
 */
export async function* streamSessionReplay(
  token: string,
  projectId: string,
  sessionId: string,
  chunksPerMessage: number,
  signal: AbortSignal,
): AsyncGenerator<ReplayChunkData[]> {
  const startedAt = performance.now();
  let started = false;
  try {
    const messages = sessions.streamSessionReplay(
      { projectId, sessionId, chunksPerMessage },
      { headers: { authorization: `Bearer ${token}` }, signal, timeoutMs: 0 },
    );
    for await (const message of messages) {
      if (!started) recordApiCall('StreamSessionReplay', 'OK', startedAt);
      started = true;
      yield message.chunks.map(({ sequence, eventsJson }) => ({ sequence, eventsJson }));
    }
    if (!started) recordApiCall('StreamSessionReplay', 'OK', startedAt);
  } catch (err) {
    const error = ConnectError.from(err);
    if (signal.aborted && error.code === Code.Canceled) return;
    if (!started) recordApiCall('StreamSessionReplay', Code[error.code], startedAt);
    throw error;
  }
}
