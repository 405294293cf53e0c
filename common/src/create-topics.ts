import type { Kafka } from 'kafkajs';
import type { Topics } from './topics.ts';

export async function createTopics(
  kafka: Kafka,
  topics: Topics,
  partitions: number,
  log: (line: string) => void,
) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = Object.values(topics).filter((topic) => !existing.has(topic));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })),
    });
    log(`kafka: created ${missing.join(', ')}`);
  } finally {
    await admin.disconnect();
  }
}
