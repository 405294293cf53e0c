import { fromBinary } from '@bufbuild/protobuf';
import { type EventBatchRecord, EventBatchRecordSchema } from '@gosight/proto/v1/pipeline_pb';
import type { KafkaMessage } from 'kafkajs';
import type { Decoded } from './batch-consumer.ts';
import { utcDate } from './utc-date.ts';

// A row of the ClickHouse events table (common/migrations/clickhouse/0001_events.sql).
export interface EventRow {
  project_id: string;
  session_id: string;
  device_id: string;
  event_id: string;
  type: string;
  timestamp_ms: number;
  received_at_ms: number;
  sequence: number;
  date: string;
  url: string;
  referrer: string;
  title: string;
  viewport_width: number;
  viewport_height: number;
  page_x: number;
  page_y: number;
  client_x: number;
  client_y: number;
  selector: string;
  tag: string;
  text: string;
  user_agent: string;
}

export function decodeEventBatch(message: KafkaMessage): Decoded<EventRow> {
  if (!message.value) return { ok: false, reason: 'empty message' };
  let record: EventBatchRecord;
  try {
    record = fromBinary(EventBatchRecordSchema, message.value);
  } catch (error) {
    return {
      ok: false,
      reason: `not an EventBatchRecord: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  return { ok: true, rows: eventRows(record) };
}

export function eventRows(record: EventBatchRecord): EventRow[] {
  const receivedAtMs = Number(record.receivedAtMs);
  const page = record.page;
  return record.events.map((event) => {
    const row: EventRow = {
      project_id: record.projectId,
      session_id: record.sessionId,
      device_id: record.deviceId,
      event_id: event.eventId,
      type: '',
      timestamp_ms: Number(event.timestampMs),
      received_at_ms: receivedAtMs,
      sequence: event.sequence,
      // Partitions follow the server's clock: a client with a wrong clock cannot
      // scatter rows over far-away partitions.
      date: utcDate(receivedAtMs),
      url: page?.url ?? '',
      referrer: page?.referrer ?? '',
      title: page?.title ?? '',
      viewport_width: page?.viewportWidth ?? 0,
      viewport_height: page?.viewportHeight ?? 0,
      page_x: 0,
      page_y: 0,
      client_x: 0,
      client_y: 0,
      selector: '',
      tag: '',
      text: '',
      user_agent: record.userAgent,
    };
    switch (event.kind.case) {
      case 'pageView':
        row.type = 'page_view';
        row.url = event.kind.value.url;
        row.referrer = event.kind.value.referrer;
        row.title = event.kind.value.title;
        break;
      case 'click': {
        const click = event.kind.value;
        Object.assign(row, {
          type: 'click',
          page_x: click.pageX,
          page_y: click.pageY,
          client_x: click.clientX,
          client_y: click.clientY,
          selector: click.selector,
          tag: click.tag,
          text: click.text,
        });
        break;
      }
      default:
        row.type = 'unknown';
    }
    return row;
  });
}
