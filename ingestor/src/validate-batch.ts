import type { IngestBatchRequest } from '@gosight/proto/v1/ingest_pb';

export interface Violation {
  // Field path in the request, e.g. "events[3].event_id".
  path: string;
  reason: string;
}

export const MAX_ID_LENGTH = 128;

export function checkId(value: string, path: string, out: Violation[], required = true) {
  if (value.length === 0) {
    if (required) out.push({ path, reason: 'is required' });
  } else if (value.length > MAX_ID_LENGTH)
    out.push({ path, reason: `is longer than ${MAX_ID_LENGTH} characters` });
}

// Problems that make the whole batch unusable (ids that key every record).
// Every one is returned, so a client learns all of them at once.
export function validateBatch(
  request: Omit<IngestBatchRequest, 'events' | '$typeName' | '$unknown'>,
): Violation[] {
  const violations: Violation[] = [];
  checkId(request.projectKey, 'project_key', violations);
  checkId(request.batchId, 'batch_id', violations);
  checkId(request.sessionId, 'session_id', violations);
  checkId(request.deviceId, 'device_id', violations);
  checkId(request.tabId, 'tab_id', violations, false);
  if (request.sentAtMs < 0n) violations.push({ path: 'sent_at_ms', reason: 'must not be negative' });
  request.replayChunks.forEach((chunk, index) => {
    if (chunk.data.length === 0)
      violations.push({ path: `replay_chunks[${index}].data`, reason: 'is empty' });
    if (chunk.encoding === 0)
      violations.push({ path: `replay_chunks[${index}].encoding`, reason: 'is required' });
  });
  return violations;
}
