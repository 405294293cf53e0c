import { fromBinary, toBinary } from '@bufbuild/protobuf';
import { createProducer } from '@gosight/common/kafka';
import { sessionKey } from '@gosight/common/topics';
import { type Insight, InsightSchema } from '@gosight/proto/v1/insights_pb';
import { type EventBatchRecord, EventBatchRecordSchema } from '@gosight/proto/v1/pipeline_pb';
import { createDetectorEngine, type EngineOptions } from './detectors/detector-engine.ts';
import type { ProjectThresholds } from './detectors/session-detectors.ts';
import { createSignalSettings } from './detectors/signal-settings.ts';
import { INSIGHT_TYPE_NAMES, insightRow } from './insights-topic.ts';
import { createRetryUntilDone } from './retry-until-done.ts';
import type { RoleContext, RunningRole } from './role.ts';

export interface DetectorRoleOptions extends EngineOptions {
  // How often pending windows are closed by the processor clock.
  tickMs: number;
  // How long a project's thresholds are cached.
  settingsTtlMs: number;
}

export const DETECTOR_ROLE_DEFAULTS: DetectorRoleOptions = {
  // The SDK holds a click about 1 s to watch its reaction; a little more.
  reorderMs: 1500,
  // A click reaches Kafka within about 1 s (reaction) + 2 s (SDK flush interval) of happening.
  latenessMs: 2500,
  tickMs: 250,
  settingsTtlMs: 30_000,
};

const MAX_WAITING_INSIGHTS = 2000;

// The detector role: a consumer group on the events topic that runs the
// detectors per session, writes each insight to ClickHouse and publishes it on
// the insights topic (key project:session), and commits an offset only when
// every insight from the messages before it was written and published, and no
// session still holds events from them (see DetectorEngine.committable).
export async function startDetectorRole(
  context: RoleContext,
  options: DetectorRoleOptions = DETECTOR_ROLE_DEFAULTS,
): Promise<RunningRole> {
  const { kafka, clickhouse, topics, infra, log, metrics } = context;
  const settings = createSignalSettings(context.postgres(), {
    ttlMs: options.settingsTtlMs,
    now: Date.now,
    log,
  });
  const engine = createDetectorEngine(options);
  const producer = createProducer(kafka);
  const consumer = kafka.consumer({
    groupId: `${infra.topicPrefix}.detector`,
    maxWaitTimeInMs: 100,
    retry: { retries: 10 },
  });
  let stopping = false;
  let joined = false;
  let lane: Promise<unknown> = Promise.resolve();
  const committed = new Map<number, string>();
  let undecodable = 0;

  // eachBatch and the clock tick share the engine; they take turns.
  function serially<T>(action: () => Promise<T>): Promise<T> {
    const result = lane.catch(() => {}).then(action);
    lane = result;
    return result;
  }

  const untilDone = createRetryUntilDone({
    stopping: () => stopping,
    log,
  });

  async function emit(insights: Insight[]): Promise<void> {
    if (insights.length === 0) return;
    const detectedAtMs = BigInt(Date.now());
    for (const insight of insights) insight.detectedAtMs = detectedAtMs;
    await Promise.all([
      untilDone(`insert of ${insights.length} insights`, () =>
        clickhouse.insert({ table: 'insights', values: insights.map(insightRow), format: 'JSONEachRow' }),
      ),
      untilDone(`publish of ${insights.length} insights`, () =>
        producer.send({
          topic: topics.insights,
          acks: -1,
          messages: insights.map((insight) => ({
            key: sessionKey(insight.projectId, insight.sessionId),
            value: Buffer.from(toBinary(InsightSchema, insight)),
          })),
        }),
      ),
    ]);
    for (const insight of insights)
      metrics.insights.inc({ type: INSIGHT_TYPE_NAMES[insight.type] ?? 'unspecified' });
  }

  async function commit(next: Map<number, string>): Promise<void> {
    const offsets = [...next].filter(([partition, offset]) => committed.get(partition) !== offset);
    if (offsets.length === 0) return;
    try {
      await consumer.commitOffsets(
        offsets.map(([partition, offset]) => ({ topic: topics.events, partition, offset })),
      );
      for (const [partition, offset] of offsets) committed.set(partition, offset);
    } catch (error) {
      log(`commit on ${topics.events} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  // Insights wait here for the next tick (or until there are many), so that
  // ClickHouse sees one insert per tick rather than one per Kafka batch. The
  // offsets committed after a write are those the engine allowed when the
  // written insights were taken: everything they came from is in the write.
  let waiting: Insight[] = [];
  async function writeAndCommit(): Promise<void> {
    const insights = waiting;
    waiting = [];
    const offsets = engine.committable();
    await emit(insights);
    await commit(offsets);
  }

  await Promise.all([producer.connect(), consumer.connect()]);
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    joined = true;
    const assigned = new Set(payload.memberAssignment[topics.events] ?? []);
    void serially(async () => {
      engine.keepPartitions(assigned);
      for (const partition of committed.keys()) if (!assigned.has(partition)) committed.delete(partition);
    });
  });
  await consumer.subscribe({ topic: topics.events, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
      const records: [EventBatchRecord | undefined, string][] = [];
      for (const message of batch.messages) {
        if (!isRunning() || isStale()) break;
        let record: EventBatchRecord | undefined;
        try {
          // The events writer dead-letters what cannot be decoded; here it is only skipped.
          if (message.value) record = fromBinary(EventBatchRecordSchema, message.value);
        } catch {
          undecodable++;
        }
        metrics.detectorRecords.inc({ outcome: record ? 'decoded' : 'undecodable' });
        records.push([record, message.offset]);
      }
      await serially(async () => {
        const projectIds = records.flatMap(([record]) => (record ? [record.projectId] : []));
        let thresholds = new Map<string, ProjectThresholds>();
        // PostgreSQL down: wait for it (back-pressure) rather than detect with the wrong thresholds.
        await untilDone('read of signal settings', async () => {
          thresholds = await settings.thresholdsOf(projectIds);
        });
        const insights: Insight[] = [];
        const now = Date.now();
        for (const [record, offset] of records) {
          const position = { partition: batch.partition, offset };
          if (record)
            insights.push(
              ...engine.add(record, position, thresholds.get(record.projectId) ?? new Map(), now),
            );
          else engine.skip(position);
        }
        waiting.push(...insights);
        metrics.detectorSessions.set(engine.sessionCount());
        if (waiting.length >= MAX_WAITING_INSIGHTS) await writeAndCommit();
      });
      for (const [, offset] of records) resolveOffset(offset);
      await heartbeat();
    },
  });

  const timer = setInterval(() => {
    serially(async () => {
      waiting.push(...engine.tick(Date.now()));
      metrics.detectorSessions.set(engine.sessionCount());
      await writeAndCommit();
    }).catch((error: unknown) => log(`detector tick failed: ${String(error)}`));
  }, options.tickMs);

  log(`detector role started (reorder ${options.reorderMs} ms, lateness ${options.latenessMs} ms)`);
  return {
    ready: () => joined && !untilDone.failing(),
    async stop() {
      clearInterval(timer);
      // From here a failed write is not retried: what it held is read again by the next owner.
      stopping = true;
      const final = () =>
        serially(writeAndCommit).catch((error: unknown) =>
          log(`final insight write failed; the events will be read and detected again: ${String(error)}`),
        );
      await final();
      await consumer.stop();
      // Pending windows are not forced closed: their offsets are not committed,
      // so the next owner re-reads them and completes the same insights.
      await final();
      if (undecodable > 0) log(`detector skipped ${undecodable} undecodable messages`);
      await consumer.disconnect();
      await producer.disconnect();
    },
  };
}
