import { Code } from '@connectrpc/connect';

export const RETRY_BASE_MS = 1000;
export const RETRY_MAX_MS = 30_000;

// 1 s, 2 s, 4 s … capped at 30 s, each spread by ±20 % so that clients cut
// off together (an ingestor restart) do not come back together.
export function retryDelayMs(attempt: number, random: number): number {
  const base = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** attempt);
  return Math.min(RETRY_MAX_MS, Math.round(base * (0.8 + 0.4 * random)));
}

// Codes that can succeed later with the same batch. The others (a malformed
// batch, an unknown key) would fail forever and block the queue behind them.
const RETRYABLE = new Set<Code>([
  Code.Canceled,
  Code.Unknown,
  Code.DeadlineExceeded,
  Code.ResourceExhausted,
  Code.Aborted,
  Code.Internal,
  Code.Unavailable,
]);

export function isRetryable(code: Code): boolean {
  return RETRYABLE.has(code);
}
