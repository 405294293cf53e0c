import { fromBinary } from '@bufbuild/protobuf';
import { type Insight, InsightSchema, InsightType } from '@gosight/proto/v1/insights_pb';
import type { KafkaMessage } from 'kafkajs';
import type { Decoded } from './batch-consumer.ts';
import { utcDate } from './utc-date.ts';

// A row of the ClickHouse insights table (migration 0003).
export interface InsightRow {
  project_id: string;
  session_id: string;
  insight_id: string;
  type: string;
  timestamp_ms: number;
  end_timestamp_ms: number;
  detected_at_ms: number;
  date: string;
  url: string;
  selector: string;
  page_x: number;
  page_y: number;
  click_count: number;
  path_length_px: number;
  direction_changes: number;
  mean_speed_px_per_s: number;
  error_message: string;
  event_ids: string[];
}

// The insights table's type column: the detectors' signal names.
export const INSIGHT_TYPE_NAMES: Record<InsightType, string> = {
  [InsightType.UNSPECIFIED]: 'unspecified',
  [InsightType.RAGE_CLICK]: 'rage_click',
  [InsightType.DEAD_CLICK]: 'dead_click',
  [InsightType.ERROR_CLICK]: 'error_click',
  [InsightType.THRASHED_CURSOR]: 'thrashed_cursor',
};

export function decodeInsight(message: KafkaMessage): Decoded<InsightRow> {
  if (!message.value) return { ok: false, reason: 'empty message' };
  let insight: Insight;
  try {
    insight = fromBinary(InsightSchema, message.value);
  } catch (error) {
    return { ok: false, reason: `not an Insight: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!insight.insightId || !insight.projectId || !insight.sessionId)
    return { ok: false, reason: 'insight without insight_id, project_id or session_id' };
  return { ok: true, rows: [insightRow(insight)] };
}

export function insightRow(insight: Insight): InsightRow {
  const detectedAt = Number(insight.detectedAtMs);
  return {
    project_id: insight.projectId,
    session_id: insight.sessionId,
    insight_id: insight.insightId,
    type: INSIGHT_TYPE_NAMES[insight.type] ?? 'unspecified',
    timestamp_ms: Number(insight.timestampMs),
    end_timestamp_ms: Number(insight.endTimestampMs),
    detected_at_ms: detectedAt,
    date: utcDate(detectedAt || Number(insight.timestampMs)),
    url: insight.url,
    selector: insight.selector,
    page_x: insight.pageX,
    page_y: insight.pageY,
    click_count: insight.clickCount,
    path_length_px: insight.pathLengthPx,
    direction_changes: insight.directionChanges,
    mean_speed_px_per_s: insight.meanSpeedPxPerS,
    error_message: insight.errorMessage,
    event_ids: insight.eventIds,
  };
}
