import { createProducer } from '@gosight/common/kafka';
import type { Kafka, KafkaMessage, Message } from 'kafkajs';

export type Decoded<Row> = { ok: true; rows: Row[] } | { ok: false; reason: string };

export interface BatchConsumerOptions<Row> {
  kafka: Kafka;
  groupId: string;
  topic: string;
  dlqTopic: string;
  decode(message: KafkaMessage): Decoded<Row>;
  write(rows: Row[]): Promise<void>;
  // Flush when this many rows are buffered, or when the oldest is this old.
  maxRows: number;
  maxAgeMs: number;
  log(line: string): void;
}

export interface RunningConsumer {
  // Flushes what is buffered (if the store accepts it) and leaves the group.
  stop(): Promise<void>;
}

const RETRY_START_MS = 200;
const RETRY_MAX_MS = 10_000;

// Owns polling, buffering, flushing and commits for one topic. Offsets are
// committed only after the rows before them were written, so a crash means
// redelivery (deduplicated downstream), never loss. While the store refuses
// writes the flush retries with back-off and consumption waits for it.
export async function startBatchConsumer<Row>(options: BatchConsumerOptions<Row>): Promise<RunningConsumer> {
  const { kafka, topic, log } = options;
  const consumer = kafka.consumer({ groupId: options.groupId, maxWaitTimeInMs: 250, retry: { retries: 10 } });
  const dlqProducer = createProducer(kafka);
  let buffer: Row[] = [];
  let deadLetters: Message[] = [];
  let nextOffsets = new Map<number, string>();
  let oldestAt = 0;
  let stopping = false;
  let flushing: Promise<void> = Promise.resolve();

  async function untilDone(what: string, action: () => Promise<unknown>): Promise<void> {
    for (let delay = RETRY_START_MS; ; delay = Math.min(delay * 2, RETRY_MAX_MS)) {
      try {
        await action();
        return;
      } catch (error) {
        if (stopping) throw error;
        log(
          `${what} failed (${error instanceof Error ? error.message : String(error)}); retrying in ${delay} ms`,
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  async function flushNow(): Promise<void> {
    if (nextOffsets.size === 0) return;
    const rows = buffer;
    const dead = deadLetters;
    const offsets = nextOffsets;
    buffer = [];
    deadLetters = [];
    nextOffsets = new Map();
    oldestAt = 0;
    if (rows.length > 0)
      await untilDone(`write of ${rows.length} rows from ${topic}`, () => options.write(rows));
    if (dead.length > 0) {
      await untilDone('dead-letter publish', () =>
        dlqProducer.send({ topic: options.dlqTopic, messages: dead, acks: -1 }),
      );
    }
    try {
      await consumer.commitOffsets([...offsets].map(([partition, offset]) => ({ topic, partition, offset })));
    } catch (error) {
      // Lost the partition in a rebalance: its new owner re-reads from the last
      // commit and the store deduplicates what it writes again.
      log(`commit on ${topic} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  function flush(): Promise<void> {
    flushing = flushing.catch(() => {}).then(flushNow);
    return flushing;
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
      if (buffer.length >= options.maxRows) await flush();
      await heartbeat();
    },
  });

  const timer = setInterval(
    () => {
      if (oldestAt !== 0 && Date.now() - oldestAt >= options.maxAgeMs) {
        flush().catch((error: unknown) => log(`flush of ${topic} failed: ${String(error)}`));
      }
    },
    Math.max(20, Math.floor(options.maxAgeMs / 4)),
  );

  return {
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
