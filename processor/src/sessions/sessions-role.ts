import { fromBinary } from '@bufbuild/protobuf';
import type { ClickHouseClient } from '@gosight/common/clickhouse';
import { ReplayChunkRecordSchema } from '@gosight/proto/v1/pipeline_pb';
import type { KafkaMessage } from 'kafkajs';
import type { Decoded } from '../batch-consumer.ts';
import { type ClickHouseTarget, insertRows } from '../clickhouse-writer.ts';
import { decodeEventBatchRecord } from '../events-topic.ts';
import { decodeInsight, type InsightRow } from '../insights-topic.ts';
import type { ProjectSettingsSource } from '../project-settings.ts';
import { readSessions, storedEventCount } from './session-store.ts';
import { splitSessions } from './split-sessions.ts';

// A session id the sessions role must recompute, and the newest event of it
// that has to be stored before the recomputation can see everything.
export interface DirtySession {
  projectId: string;
  sessionId: string;
  lastEventId?: string;
}

const SESSIONS_PER_QUERY = 500;

// The events topic tells which sessions changed. Undecodable messages are
// skipped here: the events writer dead-letters them.
export function decodeDirtyFromEvents(message: KafkaMessage): Decoded<DirtySession> {
  const record = decodeEventBatchRecord(message);
  if ('reason' in record || record.events.length === 0) return { ok: true, rows: [] };
  const last = record.events.reduce((a, b) => (a.sequence >= b.sequence ? a : b));
  return {
    ok: true,
    rows: [{ projectId: record.projectId, sessionId: record.sessionId, lastEventId: last.eventId }],
  };
}

export function decodeDirtyFromReplay(message: KafkaMessage): Decoded<DirtySession> {
  try {
    const record = fromBinary(ReplayChunkRecordSchema, message.value ?? new Uint8Array());
    return { ok: true, rows: [{ projectId: record.projectId, sessionId: record.sessionId }] };
  } catch {
    return { ok: true, rows: [] };
  }
}

export { decodeInsight };

export interface SessionsWriter {
  // Recomputes the sessions rows of these session ids from what is stored.
  recompute(dirty: DirtySession[]): Promise<void>;
  // Stores insights, then recomputes their sessions.
  writeInsights(rows: InsightRow[]): Promise<void>;
}

export function createSessionsWriter(
  clickhouse: ClickHouseClient,
  target: ClickHouseTarget,
  projects: ProjectSettingsSource,
): SessionsWriter {
  async function recompute(dirty: DirtySession[]): Promise<void> {
    const byProject = new Map<string, Map<string, DirtySession>>();
    for (const item of dirty) {
      const sessions = byProject.get(item.projectId) ?? new Map<string, DirtySession>();
      byProject.set(item.projectId, sessions);
      const known = sessions.get(item.sessionId);
      if (!known || item.lastEventId)
        sessions.set(item.sessionId, { ...item, lastEventId: item.lastEventId ?? known?.lastEventId });
    }
    const settings = await projects.get([...byProject.keys()]);
    for (const [projectId, sessions] of byProject) {
      const timeZone = settings.get(projectId)?.timeZone ?? 'UTC';
      const ids = [...sessions.keys()];
      for (let start = 0; start < ids.length; start += SESSIONS_PER_QUERY) {
        const chunk = ids.slice(start, start + SESSIONS_PER_QUERY);
        await awaitStoredEvents(
          projectId,
          chunk.map((id) => sessions.get(id)?.lastEventId),
        );
        // Taken before reading: a later recomputation reads a superset and wins.
        const version = Date.now();
        const stored = await readSessions(clickhouse, projectId, chunk);
        const rows = [...stored].flatMap(([sessionId, session]) =>
          session.events.length === 0
            ? []
            : splitSessions({ projectId, sessionId, timeZone, version, ...session }),
        );
        await insertRows(target, 'sessions', rows);
      }
    }
  }

  // The events writer is a separate consumer group: wait (by failing, so the
  // batch consumer retries with back-off) until it stored the events we saw.
  async function awaitStoredEvents(projectId: string, lastEventIds: (string | undefined)[]): Promise<void> {
    const ids = new Set(lastEventIds.filter((id): id is string => id !== undefined));
    if (ids.size === 0) return;
    const stored = await storedEventCount(clickhouse, projectId, ids);
    if (stored < ids.size)
      throw new Error(
        `waiting for the events writer: ${stored} of ${ids.size} sessions' newest events stored`,
      );
  }

  return {
    recompute,
    async writeInsights(rows) {
      await insertRows(target, 'insights', rows);
      await recompute(rows.map((row) => ({ projectId: row.project_id, sessionId: row.session_id })));
    },
  };
}
