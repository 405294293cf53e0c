import type { Kafka } from 'kafkajs';
import type { Topics } from './topics.ts';

// Partitions cap how many members of one consumer role share the work; the
// replication factor must not exceed the number of brokers.
export interface TopicLayout {
  partitions: number;
  replicationFactor: number;
}

export const LOCAL_TOPIC_LAYOUT: TopicLayout = { partitions: 4, replicationFactor: 1 };

// Creates the topics that do not exist yet; existing topics are left as they are.
export async function createTopics(
  kafka: Kafka,
  topics: Topics,
  layout: TopicLayout,
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
      topics: missing.map((topic) => ({
        topic,
        numPartitions: layout.partitions,
        replicationFactor: layout.replicationFactor,
      })),
    });
    log(
      `kafka: created ${missing.join(', ')} (${layout.partitions} partitions, replication factor ${layout.replicationFactor})`,
    );
  } finally {
    await admin.disconnect();
  }
}
