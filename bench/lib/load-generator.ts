import { create } from '@bufbuild/protobuf';
import { Code, ConnectError, createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';
import {
  type IngestBatchRequest,
  IngestBatchRequestSchema,
  IngestService,
} from '@gosight/proto/v1/ingest_pb';

export interface LoadReport {
  acknowledged: Set<string>;
  batchesSent: number;
  attempts: number;
  // Errors clients saw, by Connect code name: what a fault looks like from outside.
  errors: Map<string, number>;
  // Batches given up on when the run ended (never acknowledged: not counted as sent).
  abandoned: number;
}

let counter = 0;
function uuidLike(): string {
  counter += 1;
  return `${Date.now().toString(16)}-${process.pid.toString(16)}-${counter.toString(16)}-${Math.random().toString(16).slice(2, 10)}`;
}

function batch(projectKey: string, sessionId: string, size: number): IngestBatchRequest {
  const now = BigInt(Date.now());
  return create(IngestBatchRequestSchema, {
    projectKey,
    batchId: uuidLike(),
    sessionId,
    deviceId: `device-${sessionId}`,
    page: { url: 'https://shop.example/checkout', viewportWidth: 1280, viewportHeight: 720 },
    sentAtMs: now,
    events: Array.from({ length: size }, (_, index) => ({
      eventId: uuidLike(),
      timestampMs: now,
      sequence: index,
      kind: {
        case: 'click' as const,
        value: { pageX: index, pageY: index, selector: '#pay', tag: 'button' },
      },
    })),
  });
}

// Sends batches of `batchSize` events at about `eventsPerSecond` from
// `sessions` concurrent senders. Like the SDK, a failed batch is retried with
// the same batch and event ids until it is acknowledged; only acknowledged
// event ids are recorded.
export function startLoad(options: {
  ingestUrl: string;
  projectKey: string;
  eventsPerSecond: number;
  batchSize: number;
  sessions: number;
}) {
  const client = createClient(
    IngestService,
    createConnectTransport({ baseUrl: options.ingestUrl, httpVersion: '1.1', useBinaryFormat: true }),
  );
  const report: LoadReport = {
    acknowledged: new Set(),
    batchesSent: 0,
    attempts: 0,
    errors: new Map(),
    abandoned: 0,
  };
  let running = true;
  const intervalMs = (1000 * options.batchSize * options.sessions) / options.eventsPerSecond;

  async function sender(index: number) {
    const sessionId = `load-${Date.now().toString(36)}-${index}`;
    while (running) {
      const started = Date.now();
      const request = batch(options.projectKey, sessionId, options.batchSize);
      for (let retry = 0; ; retry++) {
        report.attempts += 1;
        try {
          await client.ingestBatch(request, { timeoutMs: 10_000 });
          for (const event of request.events) report.acknowledged.add(event.eventId);
          report.batchesSent += 1;
          break;
        } catch (error) {
          const code = Code[ConnectError.from(error).code] ?? 'Unknown';
          report.errors.set(code, (report.errors.get(code) ?? 0) + 1);
          if (!running) {
            report.abandoned += 1;
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, Math.min(200 * 2 ** retry, 2000)));
        }
      }
      const wait = intervalMs - (Date.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  const senders = Array.from({ length: options.sessions }, (_, index) => sender(index));
  return {
    report,
    async stop(): Promise<LoadReport> {
      running = false;
      await Promise.all(senders);
      return report;
    },
  };
}
