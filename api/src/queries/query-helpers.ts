import { Code, ConnectError } from '@connectrpc/connect';
import { type ClickHouseClient, sqlInt, sqlString } from '@gosight/common/clickhouse';
import { ViewportClass } from '@gosight/proto/v1/query_pb';

// Every query here runs on ClickHouse 18.16 and current releases: values are
// quoted with sqlString/sqlInt, times are epoch-ms Int64, and rows that may
// exist twice until a merge are counted with uniqExact or LIMIT 1 BY.

export async function rows<T>(client: ClickHouseClient, query: string): Promise<T[]> {
  const result = await client.query({ query, format: 'JSONEachRow' });
  return result.json<T>();
}

const DAY_MS = 86_400_000;
export const DEFAULT_RANGE_MS = 7 * DAY_MS;

export interface Range {
  fromMs: number;
  toMs: number;
}

export function resolveRange(range: { fromMs: bigint; toMs: bigint } | undefined, nowMs = Date.now()): Range {
  const toMs = range?.toMs ? Number(range.toMs) : nowMs;
  const fromMs = range?.fromMs ? Number(range.fromMs) : toMs - DEFAULT_RANGE_MS;
  if (fromMs >= toMs) throw new ConnectError('time_range.from_ms must be before to_ms', Code.InvalidArgument);
  return { fromMs, toMs };
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

// Partition pruning on the Date column (filled from the server's receive
// time), with a day of slack either side for clock skew and time zones.
export function dateCondition(range: Range, column = 'date'): string {
  return `${column} >= ${sqlString(day(range.fromMs - DAY_MS))} AND ${column} <= ${sqlString(day(range.toMs + DAY_MS))}`;
}

export function timeCondition(range: Range, column = 'timestamp_ms'): string {
  return `${column} >= ${sqlInt(range.fromMs)} AND ${column} < ${sqlInt(range.toMs)}`;
}

export function viewportCondition(viewportClass: ViewportClass, column = 'viewport_width'): string {
  switch (viewportClass) {
    case ViewportClass.MOBILE:
      return `${column} > 0 AND ${column} < 768`;
    case ViewportClass.TABLET:
      return `${column} >= 768 AND ${column} < 1024`;
    case ViewportClass.DESKTOP:
      return `${column} >= 1024`;
    default:
      return '1';
  }
}

export function limitFrom(requested: number, fallback: number, max: number): number {
  return Math.min(requested || fallback, max);
}

// Bucket widths for series: about `target` buckets, rounded to a minute,
// hour or day.
export function bucketFor(range: Range, requestedMs: bigint | number, target = 30): number {
  const requested = Number(requestedMs);
  const span = range.toMs - range.fromMs;
  const minimum = Math.ceil(span / 1000);
  if (requested > 0) return Math.max(requested, minimum, 1000);
  const raw = span / target;
  for (const step of [60_000, 300_000, 900_000, 3_600_000, 6 * 3_600_000, DAY_MS])
    if (raw <= step) return step;
  return Math.ceil(raw / DAY_MS) * DAY_MS;
}

// Cursors are opaque to clients: base64url of the last row's sort key.
export function encodeCursor(parts: (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export function decodeCursor(cursor: string): [number, string] | undefined {
  if (!cursor) return undefined;
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parts) && typeof parts[0] === 'number' && typeof parts[1] === 'string') {
      return [parts[0], parts[1]];
    }
  } catch {}
  throw new ConnectError('cursor is not one this API returned', Code.InvalidArgument);
}

export const INSIGHT_TYPES = ['rage_click', 'dead_click', 'error_click', 'thrashed_cursor'] as const;
export type InsightTypeName = (typeof INSIGHT_TYPES)[number];
