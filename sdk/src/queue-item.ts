import type { Event, ReplayChunk } from '@gosight/proto/v1/events_pb';

export type QueueItem =
  | { sessionId: string; event: Event; chunk?: undefined }
  | { sessionId: string; chunk: ReplayChunk; event?: undefined };
