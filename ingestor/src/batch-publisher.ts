import type { Message, Producer, TopicMessages } from 'kafkajs';

export interface OutgoingMessage {
  topic: string;
  message: Message;
}

export interface BatchPublisher {
  // Resolves once Kafka acknowledged every message (acks from all in-sync replicas).
  publish(messages: OutgoingMessage[]): Promise<void>;
  // Sends what is pending and waits for it.
  flush(): Promise<void>;
}

interface Pending {
  messages: OutgoingMessage[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

// kafkajs sends one produce request per send() call. Gathering the messages of
// concurrent ingest requests for lingerMs into one sendBatch multiplies
// throughput; each request is answered when the shared send is acknowledged.
export function createBatchPublisher(producer: Producer, lingerMs: number): BatchPublisher {
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
    const sent = producer.sendBatch({ topicMessages, acks: -1 }).then(
      () => {
        for (const item of batch) item.resolve();
      },
      (error: unknown) => {
        for (const item of batch) item.reject(error);
      },
    );
    inFlight.add(sent);
    return sent.finally(() => inFlight.delete(sent));
  }

  return {
    publish(messages) {
      if (messages.length === 0) return Promise.resolve();
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
