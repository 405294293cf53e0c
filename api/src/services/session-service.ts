import { create } from '@bufbuild/protobuf';
import { Code, ConnectError, type ServiceImpl } from '@connectrpc/connect';
import type { ClickHouseClient } from '@gosight/common/clickhouse';
import {
  type ReplayChunkView,
  ReplayChunkViewSchema,
  type SessionService,
  type SessionSummary,
  SessionSummarySchema,
} from '@gosight/proto/v1/session_service_pb';
import type { Access } from '../auth/access.ts';
import { allows } from '../auth/roles.ts';
import { decodeCursor, encodeCursor, limitFrom, resolveRange } from '../queries/query-helpers.ts';
import {
  queryReplay,
  querySessionEvents,
  querySessionFromEvents,
  querySessionRow,
  querySessions,
  querySessionsWithReplay,
  type ReplayRow,
  type SessionRow,
} from '../queries/session-queries.ts';

const MAX_EVENTS = 10_000;

function required(value: string, field: string): string {
  if (value.length === 0) throw new ConnectError(`${field} is required`, Code.InvalidArgument);
  return value;
}

function summary(row: SessionRow, hasReplay = row.has_replay === 1): SessionSummary {
  return create(SessionSummarySchema, {
    sessionId: row.session_key,
    deviceId: row.device_id,
    startedAtMs: BigInt(row.start_ms),
    endedAtMs: BigInt(row.end_ms),
    durationMs: BigInt(row.duration_ms),
    entryUrl: row.entry_url,
    exitUrl: row.exit_url,
    pageViews: Number(row.page_views),
    clicks: Number(row.clicks),
    events: Number(row.events),
    errors: Number(row.errors),
    rageClicks: Number(row.rage_clicks),
    deadClicks: Number(row.dead_clicks),
    errorClicks: Number(row.error_clicks),
    thrashedCursors: Number(row.thrashed_cursors),
    browser: row.browser,
    os: row.os,
    device: row.device_type,
    country: row.country,
    userId: row.user_id,
    hasReplay,
  });
}

function chunkView(chunk: ReplayRow): ReplayChunkView {
  return create(ReplayChunkViewSchema, {
    sequence: chunk.sequence,
    firstTimestampMs: BigInt(chunk.first_timestamp_ms),
    lastTimestampMs: BigInt(chunk.last_timestamp_ms),
    eventsJson: chunk.events_json,
  });
}

// A session key names a segment of an SDK session ("<session_id>~<n>"); replay
// chunks and events are stored under the SDK session id.
function baseSessionId(sessionKey: string): string {
  return sessionKey.split('~')[0]!;
}

export function createSessionService(
  clickhouse: ClickHouseClient,
  access: Access,
): ServiceImpl<typeof SessionService> {
  return {
    async listSessions(request, context) {
      await access.project(context, request.projectId, 'analytics.read');
      const limit = limitFrom(request.limit, 50, 500);
      const sessionRows = await querySessions(clickhouse, request.projectId, {
        filter: request.filter,
        range: resolveRange(request.filter?.timeRange),
        limit,
        after: decodeCursor(request.cursor),
      });
      const last = sessionRows.at(-1);
      return {
        sessions: sessionRows.map((row) => summary(row)),
        nextCursor:
          last && sessionRows.length === limit ? encodeCursor([Number(last.end_ms), last.session_key]) : '',
      };
    },

    async getSession(request, context) {
      const role = await access.project(context, request.projectId, 'analytics.read');
      const projectId = request.projectId;
      const sessionKey = required(request.sessionId, 'session_id');
      const sessionId = baseSessionId(sessionKey);
      const stored = await querySessionRow(clickhouse, projectId, sessionKey);
      const row = stored ?? (await querySessionFromEvents(clickhouse, projectId, sessionKey));
      if (!row) throw new ConnectError(`session ${sessionKey} not found`, Code.NotFound);
      const [events, withReplay] = await Promise.all([
        querySessionEvents(
          clickhouse,
          projectId,
          stored ? { sessionId, fromMs: Number(row.start_ms), toMs: Number(row.end_ms) } : { sessionId },
          MAX_EVENTS,
        ),
        querySessionsWithReplay(clickhouse, projectId, [sessionId]),
      ]);
      const showContent = allows(role, 'content.read');
      return {
        session: summary(row, withReplay.has(sessionId)),
        events: events.map((event) => ({
          eventId: event.event_id,
          timestampMs: BigInt(event.timestamp_ms),
          type: event.type,
          url: event.url,
          pageX: event.page_x,
          pageY: event.page_y,
          selector: event.selector,
          tag: event.tag,
          text: showContent ? event.text : '',
          errorMessage: event.error_message,
        })),
      };
    },

    async getSessionReplay(request, context) {
      await access.project(context, request.projectId, 'content.read');
      const sessionId = baseSessionId(required(request.sessionId, 'session_id'));
      const chunks = await queryReplay(clickhouse, request.projectId, sessionId);
      return { chunks: chunks.map(chunkView) };
    },

    async *streamSessionReplay(request, context) {
      await access.project(context, request.projectId, 'content.read');
      const sessionId = baseSessionId(required(request.sessionId, 'session_id'));
      const perMessage = limitFrom(request.chunksPerMessage, 20, 200);
      let from = 0;
      for (;;) {
        if (context.signal.aborted) return;
        const chunks = await queryReplay(clickhouse, request.projectId, sessionId, {
          from,
          limit: perMessage,
        });
        if (chunks.length === 0) return;
        yield { chunks: chunks.map(chunkView) };
        if (chunks.length < perMessage) return;
        from = chunks.at(-1)!.sequence + 1;
      }
    },
  };
}
