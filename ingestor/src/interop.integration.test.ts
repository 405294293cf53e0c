import { fromBinary, toBinary } from '@bufbuild/protobuf';
import { createClient } from '@connectrpc/connect';
import { createConnectTransport, createGrpcWebTransport } from '@connectrpc/connect-web';
import {
  type IngestBatchRequest,
  IngestBatchRequestSchema,
  type IngestBatchResponse,
  IngestBatchResponseSchema,
  IngestService,
} from '@gosight/proto/v1/ingest_pb';
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, sampleBatch, startHarness } from './test-harness.ts';

let harness: Harness;
let writeKey: string;

beforeAll(async () => {
  harness = await startHarness('ingest_interop');
  [, writeKey] = await harness.project();
});

afterAll(async () => {
  await harness?.stop();
});

// A client as a server-side sender in another stack would build it: grpc-js
// over h2c, with the generated schemas for (de)serialisation.
function grpcJsIngest(request: IngestBatchRequest): Promise<IngestBatchResponse> {
  const Client = grpc.makeGenericClientConstructor(
    {
      IngestBatch: {
        path: `/${IngestService.typeName}/IngestBatch`,
        requestStream: false,
        responseStream: false,
        requestSerialize: (value: IngestBatchRequest) =>
          Buffer.from(toBinary(IngestBatchRequestSchema, value)),
        requestDeserialize: (bytes: Buffer) => fromBinary(IngestBatchRequestSchema, bytes),
        responseSerialize: (value: IngestBatchResponse) =>
          Buffer.from(toBinary(IngestBatchResponseSchema, value)),
        responseDeserialize: (bytes: Buffer) => fromBinary(IngestBatchResponseSchema, bytes),
      },
    },
    'IngestService',
  );
  const client = new Client(`127.0.0.1:${harness.ingestor.port}`, grpc.credentials.createInsecure());
  return new Promise((resolve, reject) => {
    client.makeUnaryRequest(
      `/${IngestService.typeName}/IngestBatch`,
      (value: IngestBatchRequest) => Buffer.from(toBinary(IngestBatchRequestSchema, value)),
      (bytes: Buffer) => fromBinary(IngestBatchResponseSchema, bytes),
      request,
      (error, response) => {
        client.close();
        if (error || !response) reject(error ?? new Error('no response'));
        else resolve(response);
      },
    );
  });
}

describe('three client stacks against one port', () => {
  const clients: Record<string, (request: IngestBatchRequest) => Promise<IngestBatchResponse>> = {
    '@grpc/grpc-js (gRPC over h2c)': grpcJsIngest,
    '@connectrpc/connect-web (Connect over fetch)': (request) =>
      createClient(IngestService, createConnectTransport({ baseUrl: harness.baseUrl })).ingestBatch(request),
    '@connectrpc/connect-web (gRPC-Web over fetch)': (request) =>
      createClient(IngestService, createGrpcWebTransport({ baseUrl: harness.baseUrl })).ingestBatch(request),
  };

  for (const [name, ingest] of Object.entries(clients)) {
    it(`ingests a batch with ${name}`, async () => {
      const request = sampleBatch(writeKey);
      const response = await ingest(request);
      expect(response).toMatchObject({ acceptedEvents: 2, acceptedReplayChunks: 1, duplicate: false });
      const record = await harness.published(request.sessionId);
      expect(record.events.map((event) => event.eventId)).toEqual(
        request.events.map((event) => event.eventId),
      );
    });
  }
});
