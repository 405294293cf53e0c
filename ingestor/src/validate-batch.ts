import type { IngestBatchRequest } from '@gosight/proto/v1/ingest_pb';

export interface Violation {
  // Field path in the request, e.g. "events[3].event_id".
  path: string;
  reason: string;
}

const MAX_ID_LENGTH = 128;

function checkId(value: string, path: string, out: Violation[]) {
  if (value.length === 0) out.push({ path, reason: 'is required' });
  else if (value.length > MAX_ID_LENGTH)
    out.push({ path, reason: `is longer than ${MAX_ID_LENGTH} characters` });
}

// Returns every problem of a batch, so a client learns all of them at once.
export function validateBatch(request: IngestBatchRequest): Violation[] {
  const violations: Violation[] = [];
  checkId(request.projectKey, 'project_key', violations);
  checkId(request.batchId, 'batch_id', violations);
  checkId(request.sessionId, 'session_id', violations);
  checkId(request.deviceId, 'device_id', violations);
  request.events.forEach((event, index) => {
    checkId(event.eventId, `events[${index}].event_id`, violations);
    if (event.timestampMs <= 0n)
      violations.push({ path: `events[${index}].timestamp_ms`, reason: 'must be positive' });
    if (event.kind.case === undefined)
      violations.push({ path: `events[${index}].kind`, reason: 'is required' });
  });
  request.replayChunks.forEach((chunk, index) => {
    if (chunk.data.length === 0)
      violations.push({ path: `replay_chunks[${index}].data`, reason: 'is empty' });
    if (chunk.encoding === 0)
      violations.push({ path: `replay_chunks[${index}].encoding`, reason: 'is required' });
  });
  return violations;
}
