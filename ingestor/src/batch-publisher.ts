import type { Message, Producer, TopicMessages } from 'kafkajs';
import type { KafkaCircuit } from './readiness.ts';

export interface OutgoingMessage {
  topic: string;
  message: Message;
}

export interface BatchPublisher {
  // Resolves once Kafka acknowledged every message (acks from all in-sync
  // replicas); rejects within timeoutMs otherwise, and at once while the
  // circuit is open (Kafka known to be unreachable).
  publish(messages: OutgoingMessage[]): Promise<void>;
  // Sends what is pending and waits for it.
  flush(): Promise<void>;
}

export interface PublisherOptions {
  lingerMs: number;
  timeoutMs: number;
  circuit: KafkaCircuit;
}

export class KafkaUnavailableError extends Error {}

interface Pending {
  messages: OutgoingMessage[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

// kafkajs sends one produce request per send() call. Gathering the messages of
// concurrent ingest requests for lingerMs into one sendBatch multiplies
// throughput; each request is answered when the shared send is acknowledged.
// kafkajs retries a send for tens of seconds while a broker is down; the
// timeout answers the requests long before that. A send that times out may
// still be written later: the client then retries a batch that is in Kafka,
// which is at-least-once, and consumers deduplicate by event id.
export function createBatchPublisher(producer: Producer, options: PublisherOptions): BatchPublisher {
  const { lingerMs, timeoutMs, circuit } = options;
  let pending: Pending[] = [];
  let timer: NodeJS.Timeout | undefined;
  const inFlight = new Set<Promise<void>>();

  function sendPending(): Promise<void> {
    timer = undefined;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return Promise.resolve();
    const byTopic = new Map<string, Message[]>();
    for (const { messages } of batch) {
      for (const { topic, message } of messages) {
        const list = byTopic.get(topic) ?? [];
        list.push(message);
        byTopic.set(topic, list);
      }
    }
    const topicMessages: TopicMessages[] = [...byTopic].map(([topic, messages]) => ({ topic, messages }));
    let timeout: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timeout = setTimeout(
        () => reject(new KafkaUnavailableError(`Kafka did not acknowledge within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    const send = producer.sendBatch({ topicMessages, acks: -1 });
    // A send that lost the race may still fail later: nobody waits for it then.
    send.catch(() => {});
    const sent = Promise.race([send, timedOut]).then(
      () => {
        for (const item of batch) item.resolve();
      },
      (error: unknown) => {
        if (!refusedByKafka(error)) circuit.trip();
        for (const item of batch) item.reject(error);
      },
    );
    inFlight.add(sent);
    return sent.finally(() => {
      clearTimeout(timeout);
      inFlight.delete(sent);
    });
  }

  return {
    publish(messages) {
      if (messages.length === 0) return Promise.resolve();
      if (circuit.isOpen()) return Promise.reject(new KafkaUnavailableError('Kafka is unreachable'));
      return new Promise<void>((resolve, reject) => {
        pending.push({ messages, resolve, reject });
        timer ??= setTimeout(sendPending, lingerMs);
      });
    },
    async flush() {
      if (timer) clearTimeout(timer);
      await sendPending();
      await Promise.all(inFlight);
    },
  };
}

// A broker that answered with a non-retriable error (e.g. a message too large)
// is up: only that send failed, other requests may go on.
function refusedByKafka(error: unknown): boolean {
  const { name, retriable } = (error ?? {}) as { name?: unknown; retriable?: unknown };
  return name === 'KafkaJSProtocolError' && retriable === false;
}
