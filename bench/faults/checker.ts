import { type ClickHouseClient, createClickHouse, sqlString } from '@gosight/common/clickhouse';
import { resolveRange } from '../../api/src/queries/query-helpers.ts';
import { querySessions } from '../../api/src/queries/session-queries.ts';

export interface CheckResult {
  acknowledged: number;
  // Acknowledged but not stored: must be 0.
  lost: number;
  // Events the API's session list counts beyond one per stored event: must be 0.
  countedTwice: number;
  // Extra physical rows from redelivery, collapsed by deduplication (informational).
  rawDuplicateRows: number;
  // Stored events nobody acknowledged (a batch that reached Kafka but whose answer was lost).
  storedUnacknowledged: number;
}

// Compares the acknowledged event ids with what ClickHouse holds for the project.
export async function check(
  clickhouseUrl: string,
  database: string,
  projectId: string,
  acknowledged: Set<string>,
) {
  const clickhouse = createClickHouse(clickhouseUrl, database);
  try {
    const result = await clickhouse.query({
      query: `SELECT event_id, count() AS copies FROM events WHERE project_id = ${sqlString(projectId)} GROUP BY event_id`,
      format: 'JSONEachRow',
    });
    const stored = new Map(
      (await result.json<{ event_id: string; copies: string }>()).map((row) => [
        row.event_id,
        Number(row.copies),
      ]),
    );
    const apiTotal = await sessionListTotal(clickhouse, projectId);
    let lost = 0;
    for (const id of acknowledged) if (!stored.has(id)) lost += 1;
    let raw = 0;
    let unacknowledged = 0;
    for (const [id, copies] of stored) {
      raw += copies - 1;
      if (!acknowledged.has(id)) unacknowledged += 1;
    }
    return {
      acknowledged: acknowledged.size,
      lost,
      countedTwice: Math.max(apiTotal - stored.size, 0),
      rawDuplicateRows: raw,
      storedUnacknowledged: unacknowledged,
    } satisfies CheckResult;
  } finally {
    await clickhouse.close();
  }
}

// Events as a user sees them counted: the API's session list query, summed.
async function sessionListTotal(clickhouse: ClickHouseClient, projectId: string): Promise<number> {
  const rows = await querySessions(clickhouse, projectId, {
    filter: undefined,
    range: resolveRange(undefined),
    limit: 500,
  });
  return rows.reduce((sum, row) => sum + Number(row.events), 0);
}

// Distinct stored events, and what the session list counts (sessions lag the events).
export async function storedCounts(
  clickhouseUrl: string,
  database: string,
  projectId: string,
): Promise<{ stored: number; listed: number }> {
  const clickhouse = createClickHouse(clickhouseUrl, database);
  try {
    const listed = await sessionListTotal(clickhouse, projectId);
    return { stored: await distinctStored(clickhouse, projectId), listed };
  } catch {
    return { stored: -1, listed: -1 };
  } finally {
    await clickhouse.close();
  }
}

async function distinctStored(clickhouse: ClickHouseClient, projectId: string): Promise<number> {
  const result = await clickhouse.query({
    query: `SELECT uniqExact(event_id) AS n FROM events WHERE project_id = ${sqlString(projectId)}`,
    format: 'JSONEachRow',
  });
  const [{ n } = { n: '0' }] = await result.json<{ n: string }>();
  return Number(n);
}
