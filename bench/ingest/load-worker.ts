// Runs in a worker thread so that load generation and the ingestor do not
// share one event loop (they still share the machine's 2 cores).
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { fromBinary, toBinary } from '@bufbuild/protobuf';
import { Code } from '@connectrpc/connect';
import {
  IngestBatchRequestSchema,
  IngestBatchResponseSchema,
  IngestService,
} from '@gosight/proto/v1/ingest_pb';
import * as grpc from '@grpc/grpc-js';
import { benchBatch, createBodyFactory } from './batches.ts';

export type Protocol = 'connect' | 'grpc';

export type LoadTask =
  | { kind: 'closed'; protocol: Protocol; clients: number; durationMs: number }
  | { kind: 'open'; protocol: Protocol; eventsPerSecond: number; durationMs: number };

export interface LoadResult {
  ackedEvents: number;
  failures: number;
  // Failures by Connect / gRPC code (or "network" for a connection error).
  errors: Record<string, number>;
  elapsedMs: number;
  // Acknowledgement latency of each batch, ms (open loop: from its scheduled send time).
  latenciesMs: number[];
}

const { port, projectKey, batchSize, encodeEach } = workerData as {
  port: number;
  projectKey: string;
  batchSize: number;
  // Build and encode every batch with protobuf-es (the generator used before).
  encodeEach: boolean;
};
let counter = 0;
const uniqueId = (kind: string, index: number) => `${kind}-${index}-${(counter++).toString(36)}`;
const nextBody = encodeEach
  ? (session: number) =>
      toBinary(IngestBatchRequestSchema, benchBatch(projectKey, `session-${session}`, batchSize, uniqueId))
  : createBodyFactory(projectKey, batchSize, `w${process.pid.toString(36)}`);
const path = `/${IngestService.typeName}/IngestBatch`;

class CallError extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

// Connect protocol, unary, binary, HTTP/1.1 with keep-alive: what the browser
// SDK sends with fetch.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
function connectCall(body: Uint8Array): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/proto' },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const bytes = Buffer.concat(chunks);
          if (response.statusCode === 200)
            resolve(fromBinary(IngestBatchResponseSchema, bytes).acceptedEvents);
          else {
            const { code, message } = JSON.parse(bytes.toString()) as { code?: string; message?: string };
            reject(new CallError(`${code} "${message?.slice(0, 80)}"`));
          }
        });
      },
    );
    request.on('error', (error) => reject(new CallError(`network ${error.message}`)));
    request.end(body);
  });
}

// gRPC over h2c with @grpc/grpc-js, as a server-side sender would use it;
// four channels (HTTP/2 connections), requests spread over them.
const grpcClients = Array.from(
  { length: 4 },
  (_, i) =>
    new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
      'grpc.use_local_subchannel_pool': 1,
      'grpc.client_index': i,
    }),
);
let grpcTurn = 0;
function grpcCall(body: Uint8Array): Promise<number> {
  const client = grpcClients[grpcTurn++ % grpcClients.length]!;
  return new Promise((resolve, reject) => {
    client.makeUnaryRequest(
      path,
      (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      (bytes: Buffer) => fromBinary(IngestBatchResponseSchema, bytes),
      body,
      (error, response) => {
        if (error) reject(new CallError(`${Code[error.code] ?? error.code} "${error.details.slice(0, 80)}"`));
        else resolve(response?.acceptedEvents ?? 0);
      },
    );
  });
}

const call = (protocol: Protocol, session: number) =>
  (protocol === 'grpc' ? grpcCall : connectCall)(nextBody(session));

function countFailure(result: LoadResult, error: unknown) {
  result.failures++;
  const key = error instanceof CallError ? error.key : 'network';
  result.errors[key] = (result.errors[key] ?? 0) + 1;
}

const emptyResult = (): LoadResult => ({
  ackedEvents: 0,
  failures: 0,
  errors: {},
  elapsedMs: 0,
  latenciesMs: [],
});

async function closedLoop(protocol: Protocol, clients: number, durationMs: number): Promise<LoadResult> {
  const result = emptyResult();
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      while (performance.now() < deadline) {
        const sent = performance.now();
        try {
          // Awaited first: `x += await y` would read x before the wait and lose other clients' counts.
          const accepted = await call(protocol, c);
          result.ackedEvents += accepted;
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

async function openLoop(
  protocol: Protocol,
  eventsPerSecond: number,
  durationMs: number,
): Promise<LoadResult> {
  const result = emptyResult();
  const intervalMs = (1000 * batchSize) / eventsPerSecond;
  const total = Math.floor(durationMs / intervalMs);
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const scheduled = started + i * intervalMs;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(
      call(protocol, 1000 + (i % 64)).then(
        (accepted) => {
          result.ackedEvents += accepted;
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
      ? await closedLoop(task.protocol, task.clients, task.durationMs)
      : await openLoop(task.protocol, task.eventsPerSecond, task.durationMs);
  parentPort!.postMessage(result);
});
