// The detector role through Kafka: a generated stream is produced to private
// topics first, then the role (startProcessor with roles: ['detector']) reads
// it from the beginning; the clock runs until its committed offsets reach the
// end, i.e. every insight was written to ClickHouse, published, and committed.
// Usage: set -a; . .gosight/env; set +a; npx tsx bench/detectors/kafka.ts [sessions] [batchesPerSession]
import { createClickHouse } from '@gosight/common/clickhouse';
import { createKafka, createProducer } from '@gosight/common/kafka';
import { createTestInfra } from '@gosight/common/test-infra';
import { topicsFor } from '@gosight/common/topics';
import { startProcessor } from '../../processor/src/processor.ts';
import { generateStream } from './generate-stream.ts';

const sessions = Number(process.argv[2] ?? 2000);
const batchesPerSession = Number(process.argv[3] ?? 10);
const stream = generateStream(sessions, batchesPerSession);
const totalEvents = stream.reduce((sum, record) => sum + record.events, 0);
const infra = await createTestInfra('bench_detectors');
const topics = topicsFor(infra.config.topicPrefix);
const kafka = createKafka(infra.config.kafkaBrokers, 'bench-detectors');
try {
  const producer = createProducer(kafka);
  await producer.connect();
  for (let start = 0; start < stream.length; start += 500) {
    await producer.send({
      topic: topics.events,
      acks: -1,
      messages: stream.slice(start, start + 500).map((record, i) => ({
        key: `proj:sess-${(start + i) % sessions}`,
        value: Buffer.from(record.value),
      })),
    });
  }
  await producer.disconnect();
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topics.events);
  console.log(`produced ${stream.length} records, ${totalEvents} events to ${ends.length} partitions`);

  const started = Date.now();
  const cpuStart = process.cpuUsage();
  const processor = await startProcessor(
    { infra: infra.config, roles: ['detector'], flushRows: 5000, flushAgeMs: 500 },
    () => {},
  );
  let firstCommitAt = 0;
  for (;;) {
    const [committed] = await admin.fetchOffsets({
      groupId: `${infra.config.topicPrefix}.detector`,
      topics: [topics.events],
    });
    const done = ends.every(
      (end) => committed?.partitions.find((p) => p.partition === end.partition)?.offset === end.offset,
    );
    if (!firstCommitAt && committed?.partitions.some((p) => Number(p.offset) > 0)) firstCommitAt = Date.now();
    if (done) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const doneAt = Date.now();
  const seconds = (doneAt - started) / 1000;
  // From the first commit on: the group has joined and is consuming.
  const steadySeconds = (doneAt - firstCommitAt) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  await processor.stop();
  await admin.disconnect();
  const clickhouse = createClickHouse(infra.config.clickhouseUrl, infra.config.clickhouseDatabase);
  const result = await clickhouse.query({
    query: 'SELECT uniqExact(insight_id) AS insights FROM insights',
    format: 'JSONEachRow',
  });
  const [row] = await result.json<{ insights: string }>();
  await clickhouse.close();
  console.log(
    `detector role: ${totalEvents} events in ${seconds.toFixed(1)} s = ${Math.round(totalEvents / seconds).toLocaleString('en')} events/s (wall, group join and final commit included; ${steadySeconds.toFixed(1)} s from the first commit on); ` +
      `${Math.round(totalEvents / ((cpu.user + cpu.system) / 1e6)).toLocaleString('en')} events per CPU second of this process; ${row?.insights} insights in ClickHouse`,
  );
} finally {
  await infra.cleanup();
}
