import { gunzipSync } from 'node:zlib';
import { fromBinary } from '@bufbuild/protobuf';
import { ReplayEncoding } from '@gosight/proto/v1/events_pb';
import { type ReplayChunkRecord, ReplayChunkRecordSchema } from '@gosight/proto/v1/pipeline_pb';
import type { KafkaMessage } from 'kafkajs';
import type { Decoded } from './batch-consumer.ts';
import { utcDate } from './utc-date.ts';

// A row of the ClickHouse replay_chunks table (common/migrations/clickhouse/0002_replay_chunks.sql).
export interface ReplayChunkRow {
  project_id: string;
  session_id: string;
  device_id: string;
  sequence: number;
  tab_id: string;
  first_timestamp_ms: number;
  last_timestamp_ms: number;
  event_count: number;
  has_full_snapshot: number;
  url: string;
  received_at_ms: number;
  date: string;
  events_json: string;
}

export function decodeReplayChunk(message: KafkaMessage): Decoded<ReplayChunkRow> {
  if (!message.value) return { ok: false, reason: 'empty message' };
  let record: ReplayChunkRecord;
  let eventsJson: string;
  try {
    record = fromBinary(ReplayChunkRecordSchema, message.value);
    eventsJson = chunkJson(record);
  } catch (error) {
    return {
      ok: false,
      reason: `undecodable replay chunk: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const chunk = record.chunk!;
  const receivedAtMs = Number(record.receivedAtMs);
  return {
    ok: true,
    rows: [
      {
        project_id: record.projectId,
        session_id: record.sessionId,
        device_id: record.deviceId,
        sequence: chunk.sequence,
        tab_id: record.tabId,
        first_timestamp_ms: Number(chunk.firstTimestampMs),
        last_timestamp_ms: Number(chunk.lastTimestampMs),
        event_count: chunk.eventCount,
        has_full_snapshot: chunk.hasFullSnapshot ? 1 : 0,
        url: record.url,
        received_at_ms: receivedAtMs,
        date: utcDate(receivedAtMs),
        events_json: eventsJson,
      },
    ],
  };
}

// The ingestor bounds a chunk's compressed size (2 MiB by default); this bounds
// what it may expand to, so a gzip bomb is dead-lettered instead of taking the
// processor's memory. rrweb compresses about tenfold, so real chunks stay far below.
export const MAX_REPLAY_CHUNK_JSON_BYTES = 64 * 1024 * 1024;

function chunkJson(record: ReplayChunkRecord): string {
  const chunk = record.chunk;
  if (!chunk) throw new Error('record has no chunk');
  let text: string;
  switch (chunk.encoding) {
    case ReplayEncoding.JSON:
      text = new TextDecoder('utf-8', { fatal: true }).decode(chunk.data);
      break;
    case ReplayEncoding.GZIP_JSON:
      text = new TextDecoder('utf-8', { fatal: true }).decode(
        gunzipSync(chunk.data, { maxOutputLength: MAX_REPLAY_CHUNK_JSON_BYTES }),
      );
      break;
    default:
      throw new Error(`unknown encoding ${chunk.encoding}`);
  }
  if (!Array.isArray(JSON.parse(text))) throw new Error('chunk is not a JSON array of rrweb events');
  return text;
}
