import { Counter, Histogram, type Registry } from '@gosight/common/metrics';

export type RejectionReason =
  | 'invalid_batch'
  | 'invalid_event'
  | 'unknown_key'
  | 'origin_not_allowed'
  | 'signature_missing'
  | 'signature_invalid'
  | 'signature_stale'
  | 'rate_limited_project'
  | 'rate_limited_ip'
  | 'batch_too_large'
  | 'too_many_events'
  | 'too_many_replay_chunks'
  | 'replay_chunk_too_large'
  | 'kafka_unavailable';

export interface IngestMetrics {
  requests: Counter<'code'>;
  // outcome: accepted | rejected | bot | duplicate | blocked_url
  events: Counter<'outcome'>;
  replayChunks: Counter<'outcome'>;
  requestBytes: Counter;
  rejections: Counter<'reason'>;
  botBatches: Counter;
  duplicateBatches: Counter;
  publishSeconds: Histogram;
  sdkDroppedEvents: Counter<'project'>;
}

export function createIngestMetrics(registry: Registry): IngestMetrics {
  const registers = [registry];
  return {
    requests: new Counter({
      name: 'gosight_ingest_requests_total',
      help: 'IngestBatch calls by Connect code (ok, invalid_argument, ...)',
      labelNames: ['code'],
      registers,
    }),
    events: new Counter({
      name: 'gosight_ingest_events_total',
      help: 'Events received, by outcome: accepted, rejected, bot (dropped), duplicate (retried batch), blocked_url (a page the project blocks; dropped)',
      labelNames: ['outcome'],
      registers,
    }),
    replayChunks: new Counter({
      name: 'gosight_ingest_replay_chunks_total',
      help: 'Replay chunks received, by outcome',
      labelNames: ['outcome'],
      registers,
    }),
    requestBytes: new Counter({
      name: 'gosight_ingest_request_bytes_total',
      help: 'Request body bytes as received (compressed when the client compressed them)',
      registers,
    }),
    rejections: new Counter({
      name: 'gosight_ingest_rejections_total',
      help: 'Refused batches and events, by reason',
      labelNames: ['reason'],
      registers,
    }),
    botBatches: new Counter({
      name: 'gosight_ingest_bot_batches_total',
      help: 'Batches dropped because the User-Agent matched GOSIGHT_BOT_USER_AGENTS',
      registers,
    }),
    duplicateBatches: new Counter({
      name: 'gosight_ingest_duplicate_batches_total',
      help: 'Batches answered from the batch id cache without publishing again',
      registers,
    }),
    publishSeconds: new Histogram({
      name: 'gosight_kafka_publish_seconds',
      help: 'Time from handing a batch to the producer to Kafka acknowledging it',
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    sdkDroppedEvents: new Counter({
      name: 'gosight_sdk_dropped_events_total',
      help: 'Events SDKs discarded because their queue was full, as reported with the next accepted batch (retries not counted again)',
      labelNames: ['project'],
      registers,
    }),
  };
}
