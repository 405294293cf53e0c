// Runs in a worker thread so that load generation and the ingestor do not
// share one event loop (they still share the machine's 2 cores).

import { parentPort, workerData } from 'node:worker_threads';
import { Code, createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';
import { IngestService } from '@gosight/proto/v1/ingest_pb';
import { benchBatch } from './batches.ts';

export type LoadTask =
  | { kind: 'closed'; clients: number; durationMs: number }
  | { kind: 'open'; eventsPerSecond: number; durationMs: number };

export interface LoadResult {
  ackedEvents: number;
  failures: number;
  // Failures by Connect code (or "network" for a connection error).
  errors: Record<string, number>;
  elapsedMs: number;
  // Acknowledgement latency of each batch, ms (open loop: from its scheduled send time).
  latenciesMs: number[];
}

const { baseUrl, projectKey, batchSize } = workerData as {
  baseUrl: string;
  projectKey: string;
  batchSize: number;
};

function newClient() {
  return createClient(IngestService, createConnectTransport({ baseUrl, httpVersion: '1.1' }));
}

function countFailure(result: LoadResult, error: unknown) {
  result.failures++;
  // Duck-typed: the client's ConnectError comes from connect's CommonJS build.
  const { code, rawMessage } = (error ?? {}) as { code?: unknown; rawMessage?: unknown };
  const name = typeof code === 'number' ? (Code[code] ?? 'unknown') : 'network';
  const key = typeof rawMessage === 'string' ? `${name} "${rawMessage.slice(0, 80)}"` : name;
  result.errors[key] = (result.errors[key] ?? 0) + 1;
}

async function closedLoop(clients: number, durationMs: number): Promise<LoadResult> {
  const result: LoadResult = { ackedEvents: 0, failures: 0, errors: {}, elapsedMs: 0, latenciesMs: [] };
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      const client = newClient();
      while (performance.now() < deadline) {
        const sent = performance.now();
        try {
          const response = await client.ingestBatch(benchBatch(projectKey, `closed-${c}`, batchSize));
          result.ackedEvents += response.acceptedEvents;
          result.latenciesMs.push(performance.now() - sent);
        } catch (error) {
          countFailure(result, error);
        }
      }
    }),
  );
  result.elapsedMs = performance.now() - started;
  return result;
}

async function openLoop(eventsPerSecond: number, durationMs: number): Promise<LoadResult> {
  const result: LoadResult = { ackedEvents: 0, failures: 0, errors: {}, elapsedMs: 0, latenciesMs: [] };
  const clients = Array.from({ length: 8 }, newClient);
  const intervalMs = (1000 * batchSize) / eventsPerSecond;
  const total = Math.floor(durationMs / intervalMs);
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const scheduled = started + i * intervalMs;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const client = clients[i % clients.length]!;
    inFlight.push(
      client.ingestBatch(benchBatch(projectKey, `open-${i % 64}`, batchSize)).then(
        (response) => {
          result.ackedEvents += response.acceptedEvents;
          result.latenciesMs.push(performance.now() - scheduled);
        },
        (error: unknown) => countFailure(result, error),
      ),
    );
  }
  await Promise.all(inFlight);
  result.elapsedMs = performance.now() - started;
  return result;
}

parentPort!.on('message', async (task: LoadTask) => {
  const result =
    task.kind === 'closed'
      ? await closedLoop(task.clients, task.durationMs)
      : await openLoop(task.eventsPerSecond, task.durationMs);
  parentPort!.postMessage(result);
});
