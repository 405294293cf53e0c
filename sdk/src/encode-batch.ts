import type { MessageInitShape } from '@bufbuild/protobuf';
import type { EventSchema, PageContextSchema, ReplayChunkSchema } from '@gosight/proto/v1/events_pb';
import {
  BATCH_CHUNKS_FIELD,
  BATCH_EVENTS_FIELD,
  BATCH_HEAD,
  BATCH_TAIL,
  EVENT,
  REPLAY_CHUNK,
} from './gen/proto-schema.ts';
import { encodeMessage, encodeWithParts } from './proto-writer.ts';

export type EventInit = MessageInitShape<typeof EventSchema>;
export type ReplayChunkInit = MessageInitShape<typeof ReplayChunkSchema>;
export type PageContextInit = MessageInitShape<typeof PageContextSchema>;

export interface BatchHead {
  projectKey: string;
  batchId: string;
  sessionId: string;
  deviceId: string;
  tabId: string;
  page: PageContextInit;
  sentAtMs: number;
  droppedEvents: number;
}

// Events and chunks are encoded once, when captured: the queue holds bytes,
// so batches are cut by exact size and persist as they will be sent.
export const encodeEvent = (event: EventInit): Uint8Array => encodeMessage(EVENT, event);
export const encodeReplayChunk = (chunk: ReplayChunkInit): Uint8Array => encodeMessage(REPLAY_CHUNK, chunk);

// An IngestBatchRequest, byte for byte what toBinary would write.
export function encodeBatch(
  head: BatchHead,
  events: readonly Uint8Array[],
  chunks: readonly Uint8Array[],
): Uint8Array {
  return encodeWithParts(
    [BATCH_HEAD, head],
    [
      [BATCH_EVENTS_FIELD, events],
      [BATCH_CHUNKS_FIELD, chunks],
    ],
    [BATCH_TAIL, head],
  );
}
