import { Code, ConnectError } from '@connectrpc/connect';
import type { RejectionReason } from './ingest-metrics.ts';

// A ConnectError that also names the metrics reason it is counted under.
export class IngestRejection extends ConnectError {
  constructor(
    readonly reason: RejectionReason,
    message: string,
    code: Code,
    metadata?: Record<string, string>,
    cause?: unknown,
  ) {
    super(message, code, metadata, undefined, cause);
  }
}

export function rateLimited(reason: RejectionReason, what: string, retryAfterMs: number): IngestRejection {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new IngestRejection(
    reason,
    `rate limit exceeded for ${what}; retry after ${seconds} s`,
    Code.ResourceExhausted,
    { 'retry-after': String(seconds) },
  );
}

export function tooLarge(reason: RejectionReason, text: string): IngestRejection {
  return new IngestRejection(reason, text, Code.ResourceExhausted);
}
