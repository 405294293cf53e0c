import { create } from '@bufbuild/protobuf';
import { Code, ConnectError, type ServiceImpl } from '@connectrpc/connect';
import type { ClickHouseClient } from '@gosight/common/clickhouse';
import {
  type SessionService,
  type SessionSummary,
  SessionSummarySchema,
} from '@gosight/proto/v1/session_service_pb';
import {
  queryReplay,
  querySession,
  querySessionEvents,
  querySessions,
  querySessionsWithReplay,
  type SessionRow,
} from './session-queries.ts';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;
const MAX_EVENTS = 10_000;

function required(value: string, field: string): string {
  if (value.length === 0) throw new ConnectError(`${field} is required`, Code.InvalidArgument);
  return value;
}

function summary(row: SessionRow, hasReplay: boolean): SessionSummary {
  return create(SessionSummarySchema, {
    sessionId: row.session_id,
    deviceId: row.device_id,
    startedAtMs: BigInt(row.started_at_ms),
    endedAtMs: BigInt(row.ended_at_ms),
    entryUrl: row.entry_url,
    pageViews: Number(row.page_views),
    clicks: Number(row.clicks),
    events: Number(row.events),
    hasReplay,
  });
}

export function createSessionService(clickhouse: ClickHouseClient): ServiceImpl<typeof SessionService> {
  return {
    async listSessions(request) {
      const projectId = required(request.projectId, 'project_id');
      const limit = Math.min(request.limit || DEFAULT_LIMIT, MAX_LIMIT);
      const sessionRows = await querySessions(clickhouse, projectId, limit);
      const withReplay = await querySessionsWithReplay(
        clickhouse,
        projectId,
        sessionRows.map((row) => row.session_id),
      );
      return { sessions: sessionRows.map((row) => summary(row, withReplay.has(row.session_id))) };
    },

    async getSession(request) {
      const projectId = required(request.projectId, 'project_id');
      const sessionId = required(request.sessionId, 'session_id');
      const row = await querySession(clickhouse, projectId, sessionId);
      if (!row) throw new ConnectError(`session ${sessionId} not found`, Code.NotFound);
      const [events, withReplay] = await Promise.all([
        querySessionEvents(clickhouse, projectId, sessionId, MAX_EVENTS),
        querySessionsWithReplay(clickhouse, projectId, [sessionId]),
      ]);
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
          text: event.text,
        })),
      };
    },

    async getSessionReplay(request) {
      const projectId = required(request.projectId, 'project_id');
      const sessionId = required(request.sessionId, 'session_id');
      const chunks = await queryReplay(clickhouse, projectId, sessionId);
      return {
        chunks: chunks.map((chunk) => ({
          sequence: chunk.sequence,
          firstTimestampMs: BigInt(chunk.first_timestamp_ms),
          lastTimestampMs: BigInt(chunk.last_timestamp_ms),
          eventsJson: chunk.events_json,
        })),
      };
    },
  };
}
