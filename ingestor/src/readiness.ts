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

// Open after a publish failed or timed out: publishes are then refused at once
// instead of each waiting for the timeout, and the probe runs every
// probeIntervalMs until Kafka answers again.
export interface KafkaCircuit {
  isOpen(): boolean;
  trip(): void;
  stop(): void;
}

export function createKafkaCircuit(probe: () => Promise<boolean>, probeIntervalMs: number): KafkaCircuit {
  let open = false;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  function schedule() {
    timer = setTimeout(async () => {
      const ready = await probe().catch(() => false);
      if (stopped) return;
      if (ready) {
        open = false;
        timer = undefined;
        console.error('[ingestor] Kafka is reachable again: accepting batches');
      } else schedule();
    }, probeIntervalMs);
  }

  return {
    isOpen: () => open,
    trip() {
      if (open || stopped) return;
      open = true;
      console.error('[ingestor] Kafka unreachable: refusing batches with Unavailable until it answers');
      schedule();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
