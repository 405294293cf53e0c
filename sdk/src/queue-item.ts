// One encoded Event or ReplayChunk waiting to be sent, with the session and
// tab whose batch it belongs in.
export interface QueueItem {
  sessionId: string;
  tabId: string;
  chunk: boolean;
  bytes: Uint8Array;
}

// A batch once cut: its id and page are fixed, so a retry (even after a
// reload) sends the same batch id with the same events.
export interface Batch<Page = unknown> {
  batchId: string;
  page: Page;
  items: QueueItem[];
  // Events dropped because a queue was full, since the batch before this one
  // was cut (IngestBatchRequest.dropped_events).
  droppedEvents: number;
}
