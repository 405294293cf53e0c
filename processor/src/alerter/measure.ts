import { type ClickHouseClient, sqlInt, sqlString } from '@gosight/common/clickhouse';
import type { Admin } from 'kafkajs';
import type { Measurement } from './evaluate-rule.ts';
import type { AlertMetric, AlertRule } from './rule.ts';
import { urlCondition } from './url-pattern.ts';

export interface MeasuredContext extends Measurement {
  topPage: string | null;
  topElement: string | null;
  exampleSessionId: string | null;
  exampleTimestampMs: number | null;
}

const SIGNAL_TYPES: Partial<Record<AlertMetric, string>> = {
  rage_clicks: 'rage_click',
  dead_clicks: 'dead_click',
  error_clicks: 'error_click',
  thrashed_cursors: 'thrashed_cursor',
};

// Per-window values: what each metric counts, over which table. Windows are
// numbered back from now (0 = the current window) on the server's clock.
const EVENT_EXPRESSIONS: Partial<Record<AlertMetric, string>> = {
  js_errors: "uniqExactIf(event_id, type = 'js_error')",
  error_rate:
    "if(uniqExact(session_id) = 0, 0, 100 * uniqExactIf(session_id, type = 'js_error') / uniqExact(session_id))",
  sessions: 'uniqExact(session_id)',
  events: 'uniqExact(event_id)',
};

export interface MeasureDeps {
  clickhouse: ClickHouseClient;
  // Consumer lag of the events writer, for the ingestion_lag metric.
  ingestionLag(): Promise<number>;
}

async function rows<T>(clickhouse: ClickHouseClient, query: string): Promise<T[]> {
  return (await clickhouse.query({ query, format: 'JSONEachRow' })).json<T>();
}

function windowValues(buckets: { k: string; v: string | number }[], windows: number): number[] {
  const values = new Array<number>(windows + 1).fill(0);
  for (const bucket of buckets) {
    const k = Number(bucket.k);
    if (k >= 0 && k <= windows) values[k] = Number(bucket.v);
  }
  return values;
}

export async function measure(deps: MeasureDeps, rule: AlertRule, nowMs: number): Promise<MeasuredContext> {
  const windowMs = rule.windowSeconds * 1000;
  const windows = rule.condition === 'anomaly' ? rule.baselineWindows : 0;
  const from = nowMs - (windows + 1) * windowMs;
  const project = sqlString(rule.projectId);
  const empty = { topPage: null, topElement: null, exampleSessionId: null, exampleTimestampMs: null };

  if (rule.metric === 'ingestion_lag') return { value: await deps.ingestionLag(), baseline: [], ...empty };

  const signal = SIGNAL_TYPES[rule.metric];
  const table = signal ? 'insights' : 'events';
  const time = signal ? 'detected_at_ms' : 'received_at_ms';
  const expression = signal ? 'uniqExact(insight_id)' : EVENT_EXPRESSIONS[rule.metric]!;
  const where = `project_id = ${project}${signal ? ` AND type = ${sqlString(signal)}` : ''}${urlCondition('url', rule.urlPattern)}`;
  const buckets = await rows<{ k: string; v: string }>(
    deps.clickhouse,
    `SELECT intDiv(${sqlInt(nowMs - 1)} - ${time}, ${sqlInt(windowMs)}) AS k, ${expression} AS v FROM ${table}
     WHERE ${where} AND ${time} >= ${sqlInt(from)} AND ${time} < ${sqlInt(nowMs)} GROUP BY k`,
  );
  const [value = 0, ...baseline] = windowValues(buckets, windows);

  // Top page, element and an example session: for signals and errors only.
  const contextual = signal !== undefined || rule.metric === 'js_errors' || rule.metric === 'error_rate';
  if (!contextual) return { value, baseline, ...empty };
  const errorsOnly = signal ? '' : " AND type = 'js_error'";
  const current = `${where}${errorsOnly} AND ${time} >= ${sqlInt(nowMs - windowMs)} AND ${time} < ${sqlInt(nowMs)}`;
  const [top] = await rows<{ url: string }>(
    deps.clickhouse,
    `SELECT url, count() AS c FROM ${table} WHERE ${current} GROUP BY url ORDER BY c DESC, url LIMIT 1`,
  );
  const [element] = signal
    ? await rows<{ selector: string }>(
        deps.clickhouse,
        `SELECT selector, count() AS c FROM insights WHERE ${current} AND selector != '' GROUP BY selector ORDER BY c DESC, selector LIMIT 1`,
      )
    : [];
  const [example] = await rows<{ session_id: string; timestamp_ms: string }>(
    deps.clickhouse,
    `SELECT session_id, timestamp_ms FROM ${table} WHERE ${current} ORDER BY ${time} DESC LIMIT 1`,
  );
  return {
    value,
    baseline,
    topPage: top?.url ?? null,
    topElement: element?.selector ?? null,
    exampleSessionId: example?.session_id ?? null,
    exampleTimestampMs: example ? Number(example.timestamp_ms) : null,
  };
}

// Messages on the events topic not yet committed by the events writer.
export async function consumerLag(admin: Admin, groupId: string, topic: string): Promise<number> {
  const [latest, committed] = await Promise.all([
    admin.fetchTopicOffsets(topic),
    admin.fetchOffsets({ groupId, topics: [topic] }),
  ]);
  const done = new Map(
    (committed[0]?.partitions ?? []).map((partition) => [partition.partition, Number(partition.offset)]),
  );
  return latest.reduce((lag, partition) => {
    const at = Math.max(done.get(partition.partition) ?? 0, 0);
    return lag + Math.max(Number(partition.high) - at, 0);
  }, 0);
}
