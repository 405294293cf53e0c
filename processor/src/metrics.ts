import { Counter, createMetricsRegistry, Gauge, Histogram, type Registry } from '@gosight/common/metrics';

// The processor's Prometheus metrics, one registry per processor so that tests
// running several processors in one Node process do not collide.
export interface ProcessorMetrics {
  registry: Registry;
  consumerLag: Gauge<'group' | 'topic' | 'partition'>;
  batchRows: Histogram<'topic'>;
  insertSeconds: Histogram<'topic'>;
  rowsWritten: Counter<'topic'>;
  deadLetters: Counter<'topic' | 'reason'>;
  flushRetries: Counter<'topic'>;
  detectorRecords: Counter<'outcome'>;
  detectorSessions: Gauge<never>;
  insights: Counter<'type'>;
}

export function createProcessorMetrics(): ProcessorMetrics {
  const registry = createMetricsRegistry('processor');
  const registers = [registry];
  return {
    registry,
    consumerLag: new Gauge({
      name: 'gosight_processor_consumer_lag',
      help: 'Messages between the last one consumed and the partition high watermark',
      labelNames: ['group', 'topic', 'partition'],
      registers,
    }),
    batchRows: new Histogram({
      name: 'gosight_processor_batch_rows',
      help: 'Rows per flushed batch',
      labelNames: ['topic'],
      buckets: [1, 10, 100, 500, 1000, 2500, 5000, 10000, 25000],
      registers,
    }),
    insertSeconds: new Histogram({
      name: 'gosight_processor_insert_seconds',
      help: 'Time to write one flushed batch, retries included',
      labelNames: ['topic'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    rowsWritten: new Counter({
      name: 'gosight_processor_rows_written_total',
      help: 'Rows written to the store',
      labelNames: ['topic'],
      registers,
    }),
    deadLetters: new Counter({
      name: 'gosight_processor_dead_letters_total',
      help: 'Messages sent to the dead-letter topic',
      labelNames: ['topic', 'reason'],
      registers,
    }),
    flushRetries: new Counter({
      name: 'gosight_processor_flush_retries_total',
      help: 'Failed write or dead-letter attempts that were retried',
      labelNames: ['topic'],
      registers,
    }),
    detectorRecords: new Counter({
      name: 'gosight_processor_detector_records_total',
      help: 'Event batches the detector role read, by outcome (decoded or undecodable)',
      labelNames: ['outcome'],
      registers,
    }),
    detectorSessions: new Gauge({
      name: 'gosight_processor_detector_sessions',
      help: 'Sessions the detector role holds in memory (open windows or events waiting for order)',
      registers,
    }),
    insights: new Counter({
      name: 'gosight_processor_insights_total',
      help: 'Insights written and published by the detector role, by signal',
      labelNames: ['type'],
      registers,
    }),
  };
}

// "not an EventBatchRecord: index out of range" -> "not an EventBatchRecord":
// a bounded label value.
export function reasonLabel(reason: string): string {
  return reason.split(':')[0]?.slice(0, 60) ?? '';
}
