import { createProducer } from '@gosight/common/kafka';
import type { Kafka, KafkaMessage, Message } from 'kafkajs';
import { type ProcessorMetrics, reasonLabel } from './metrics.ts';
import { createRetryUntilDone } from './retry-until-done.ts';

export type Decoded<Row> = { ok: true; rows: Row[] } | { ok: false; reason: string };

export interface BatchConsumerOptions<Row> {
  kafka: Kafka;
  groupId: string;
  topic: string;
  dlqTopic: string;
  decode(message: KafkaMessage): Decoded<Row>;
  // Must be idempotent: after a crash between write and commit the same rows
  // are written again.
  write(rows: Row[]): Promise<void>;
  // Flush when this many rows are buffered, or when the oldest is this old.
  maxRows: number;
  maxAgeMs: number;
  metrics: ProcessorMetrics;
  log(line: string): void;
  // Kafka consumer session timeout: how long a dead member (SIGKILL) holds
  // its partitions before the group hands them to another.
  sessionTimeoutMs?: number;
  // Test-only: wait this long after a successful write, before the commit, so
  // a test can kill the process in that window. 0 in production.
  pauseAfterWriteMs?: number;
}

export interface RunningConsumer {
  // True once the consumer joined its group and while no write is failing.
  ready(): boolean;
  // Flushes what is buffered (if the store accepts it) and leaves the group.
  stop(): Promise<void>;
}

const HEARTBEAT_EVERY_MS = 1_000;
const MAX_WRITES_IN_FLIGHT = 2;

// Owns polling, buffering, flushing and commits for one topic. Offsets are
// committed only after the rows before them were written, so a crash means
// redelivery (deduplicated downstream), never loss. While the store refuses
// writes the flush retries with back-off and consumption waits for it, still
// heartbeating so the group does not rebalance the partitions away.
export async function startBatchConsumer<Row>(options: BatchConsumerOptions<Row>): Promise<RunningConsumer> {
  const { kafka, topic, log, metrics } = options;
  const consumer = kafka.consumer({
    groupId: options.groupId,
    maxWaitTimeInMs: 250,
    sessionTimeout: options.sessionTimeoutMs ?? 30_000,
    retry: { retries: 10 },
  });
  const dlqProducer = createProducer(kafka);
  let buffer: Row[] = [];
  let deadLetters: Message[] = [];
  let nextOffsets = new Map<number, string>();
  let oldestAt = 0;
  let stopping = false;
  let joined = false;
  let committed: Promise<void> = Promise.resolve();
  let inFlight = 0;
  const slotWaiters: (() => void)[] = [];

  consumer.on(consumer.events.GROUP_JOIN, () => {
    joined = true;
  });

  const untilDone = createRetryUntilDone({
    stopping: () => stopping,
    log,
    onRetry: () => metrics.flushRetries.inc({ topic }),
  });

  // Writes one buffer (rows, then dead letters), retrying until it succeeds.
  async function writeAll(rows: Row[], dead: Message[]): Promise<void> {
    if (rows.length > 0) {
      const started = performance.now();
      await untilDone(`write of ${rows.length} rows from ${topic}`, () => options.write(rows));
      metrics.insertSeconds.observe({ topic }, (performance.now() - started) / 1000);
      metrics.batchRows.observe({ topic }, rows.length);
      metrics.rowsWritten.inc({ topic }, rows.length);
    }
    if (dead.length > 0) {
      await untilDone('dead-letter publish', () =>
        dlqProducer.send({ topic: options.dlqTopic, messages: dead, acks: -1 }),
      );
      for (const letter of dead) {
        metrics.deadLetters.inc({
          topic,
          reason: reasonLabel(String(letter.headers?.['gosight-reason'] ?? '')),
        });
      }
    }
  }

  async function commit(offsets: Map<number, string>, rows: number): Promise<void> {
    if (options.pauseAfterWriteMs) {
      log(
        `test hook: ${options.groupId} wrote ${rows} rows from ${topic}; pausing ${options.pauseAfterWriteMs} ms before the commit`,
      );
      await new Promise((resolve) => setTimeout(resolve, options.pauseAfterWriteMs));
    }
    try {
      await consumer.commitOffsets([...offsets].map(([partition, offset]) => ({ topic, partition, offset })));
    } catch (error) {
      // Lost the partition in a rebalance: its new owner re-reads from the last
      // commit and the store deduplicates what it writes again.
      log(`commit on ${topic} failed: ${describe(error)}`);
    }
  }

  // Starts writing the buffer. Up to MAX_WRITES_IN_FLIGHT buffers are written
  // at once (ClickHouse parses one insert on one thread), but offsets are
  // committed strictly in order, and never past a buffer whose write failed.
  function flush(): Promise<void> {
    if (nextOffsets.size === 0) return committed;
    const rows = buffer;
    const dead = deadLetters;
    const offsets = nextOffsets;
    buffer = [];
    deadLetters = [];
    nextOffsets = new Map();
    oldestAt = 0;
    inFlight += 1;
    const written = writeAll(rows, dead).finally(() => {
      inFlight -= 1;
      for (const wake of slotWaiters.splice(0)) wake();
    });
    written.catch(() => {});
    committed = committed.then(() => written).then(() => commit(offsets, rows.length));
    return committed;
  }

  // Resolves when fewer than MAX_WRITES_IN_FLIGHT writes run, heartbeating
  // meanwhile so the group keeps the partitions here during a long outage.
  async function slotFree(heartbeat: () => Promise<void>, isRunning: () => boolean): Promise<void> {
    while (inFlight >= MAX_WRITES_IN_FLIGHT && isRunning()) {
      await Promise.race([
        new Promise<void>((resolve) => slotWaiters.push(resolve)),
        new Promise((resolve) => setTimeout(resolve, HEARTBEAT_EVERY_MS)),
      ]);
      await heartbeat().catch(() => {});
    }
  }

  await dlqProducer.connect();
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
      for (const message of batch.messages) {
        if (!isRunning() || isStale()) break;
        const decoded = options.decode(message);
        if (decoded.ok) buffer.push(...decoded.rows);
        else {
          deadLetters.push({
            key: message.key,
            value: message.value,
            headers: {
              'gosight-reason': decoded.reason,
              'gosight-source': `${topic}/${batch.partition}/${message.offset}`,
            },
          });
        }
        if (oldestAt === 0) oldestAt = Date.now();
        nextOffsets.set(batch.partition, (BigInt(message.offset) + 1n).toString());
        resolveOffset(message.offset);
      }
      const last = batch.messages.at(-1);
      if (last) {
        const lag = BigInt(batch.highWatermark) - BigInt(last.offset) - 1n;
        metrics.consumerLag.set(
          { group: options.groupId, topic, partition: String(batch.partition) },
          Number(lag < 0n ? 0n : lag),
        );
      }
      if (buffer.length >= options.maxRows) {
        // Back-pressure: with every write slot busy (or retrying while the
        // store is down), stop fetching until one frees up.
        await slotFree(heartbeat, isRunning);
        flush().catch((error: unknown) => log(`flush of ${topic} failed: ${describe(error)}`));
      }
      await heartbeat();
    },
  });

  const timer = setInterval(
    () => {
      if (oldestAt !== 0 && inFlight < MAX_WRITES_IN_FLIGHT && Date.now() - oldestAt >= options.maxAgeMs) {
        flush().catch((error: unknown) => log(`flush of ${topic} failed: ${String(error)}`));
      }
    },
    Math.max(20, Math.floor(options.maxAgeMs / 4)),
  );

  return {
    ready: () => joined && !untilDone.failing(),
    async stop() {
      clearInterval(timer);
      stopping = true;
      await consumer.stop();
      await flush().catch((error: unknown) =>
        log(`final flush of ${topic} failed, will be redelivered: ${String(error)}`),
      );
      await consumer.disconnect();
      await dlqProducer.disconnect();
    },
  };
}

// "fetch failed: other side closed": the message with its causes.
function describe(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error; current && parts.length < 4; current = (current as Error).cause)
    parts.push(current instanceof Error ? current.message : String(current));
  return parts.join(': ');
}
