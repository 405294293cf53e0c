import type { Admin } from 'kafkajs';

// Ready means Kafka answers a metadata request within timeoutMs: without it
// no batch can be acknowledged, so a load balancer should look elsewhere.
export function createKafkaReadiness(admin: Admin, timeoutMs: number): () => Promise<boolean> {
  return async () => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const probe = admin.describeCluster().then(
      (cluster) => cluster.brokers.length > 0,
      () => false,
    );
    try {
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
}
