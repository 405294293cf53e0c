import { createHash } from 'node:crypto';
import { type ClickHouseClient, sqlString } from '@gosight/common/clickhouse';
import type { Pool } from '@gosight/common/postgres';
import { erasePageViewUrls } from './erasure-page-urls.ts';

export interface ErasureRequest {
  projectId: string;
  kind: 'user' | 'device';
  // The user id the site passed to identify(), or the SDK's device id.
  subject: string;
}

export interface ErasureResult {
  sessionIds: string[];
  mutations: number;
}

// Tables holding a person's data, all keyed by project and session
// (page_view_urls, without sessions, is handled by erasePageViewUrls).
const TABLES = [
  'events',
  'page_events',
  'page_clicks',
  'mouse_samples',
  'replay_chunks',
  'insights',
  'sessions',
] as const;
const WITH_DEVICE_ID = new Set([
  'events',
  'page_events',
  'page_clicks',
  'mouse_samples',
  'replay_chunks',
  'sessions',
]);

// Deletes every session of a user (any session where they identified) or of a
// device from ClickHouse, and records the request (hashed) in PostgreSQL.
// ClickHouse deletes are mutations: they run in the background; with
// waitMs > 0 this waits until they finished.
export async function eraseSubject(
  clickhouse: ClickHouseClient,
  pool: Pool,
  request: ErasureRequest,
  waitMs = 0,
): Promise<ErasureResult> {
  const project = sqlString(request.projectId);
  const subject = sqlString(request.subject);
  const match = request.kind === 'user' ? `user_id = ${subject}` : `device_id = ${subject}`;
  const found = await select<{ session_id: string }>(
    clickhouse,
    `SELECT DISTINCT session_id FROM events WHERE project_id = ${project} AND ${match}
     UNION ALL SELECT DISTINCT session_id FROM sessions WHERE project_id = ${project} AND ${match}`,
  );
  const sessionIds = [...new Set(found.map((row) => row.session_id))].sort();
  let mutations = 0;
  if (sessionIds.length > 0 || request.kind === 'device') {
    const sessions = sessionIds.length > 0 ? `session_id IN (${sessionIds.map(sqlString).join(', ')})` : '0';
    const anyDevice = request.kind === 'device' ? ` OR device_id = ${subject}` : '';
    mutations += await erasePageViewUrls(clickhouse, request.projectId, `${sessions}${anyDevice}`);
    for (const table of TABLES) {
      const device =
        request.kind === 'device' && WITH_DEVICE_ID.has(table) ? ` OR device_id = ${subject}` : '';
      await clickhouse.command({
        query: `ALTER TABLE ${table} DELETE WHERE project_id = ${project} AND (${sessions}${device})`,
      });
      mutations += 1;
    }
  }
  await pool.query(
    'INSERT INTO erasure_log (project_id, subject_kind, subject_sha256, sessions_erased) VALUES ($1, $2, $3, $4)',
    [
      request.projectId,
      request.kind,
      createHash('sha256').update(request.subject).digest('hex'),
      sessionIds.length,
    ],
  );
  if (waitMs > 0) await waitForMutations(clickhouse, waitMs);
  return { sessionIds, mutations };
}

export async function waitForMutations(clickhouse: ClickHouseClient, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await select<{ n: string }>(
      clickhouse,
      'SELECT count() AS n FROM system.mutations WHERE database = currentDatabase() AND is_done = 0',
    );
    if (Number(row?.n ?? 0) === 0) return;
    if (Date.now() > deadline) throw new Error(`ClickHouse mutations still running after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function select<T>(clickhouse: ClickHouseClient, query: string): Promise<T[]> {
  const result = await clickhouse.query({ query, format: 'JSONEachRow' });
  return result.json<T>();
}
