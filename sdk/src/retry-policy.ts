import type { CallError } from './connect-unary.ts';

export const RETRY_BASE_MS = 1000;
export const RETRY_MAX_MS = 30_000;
// Longest wait a server's retry-after may ask for.
export const RETRY_AFTER_MAX_MS = 10 * 60_000;
// Attempts at a batch the server keeps failing (not "unavailable"), after
// which it is dropped rather than block the queue behind it forever.
export const MAX_SERVER_ERROR_ATTEMPTS = 8;

// 1 s, 2 s, 4 s … capped at 30 s, each spread by ±20 % so that clients cut
// off together (an ingestor restart) do not come back together.
export function retryDelayMs(attempt: number, random: number): number {
  const base = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** attempt);
  return Math.min(RETRY_MAX_MS, Math.round(base * (0.8 + 0.4 * random)));
}

// Connect codes that can succeed later with the same batch. The others (a
// malformed batch, an unknown key) would fail forever.
const RETRYABLE = new Set([
  'canceled',
  'unknown',
  'deadline_exceeded',
  'resource_exhausted',
  'aborted',
  'internal',
  'unavailable',
]);

export type RetryDecision = { retry: false } | { retry: true; delayMs: number };

// What to do after attempt number `attempt` (0-based) failed with `error`.
// Unreachable servers and "unavailable" are retried for as long as it takes
// (the queue is bounded and persisted); other retryable codes a few times. A
// retry-after from the server replaces the back-off, jitter added.
export function retryDecision(error: CallError, attempt: number, random: number): RetryDecision {
  if (!RETRYABLE.has(error.code)) return { retry: false };
  const patient = error.network === true || error.code === 'unavailable';
  if (!patient && attempt + 1 >= MAX_SERVER_ERROR_ATTEMPTS) return { retry: false };
  if (error.retryAfterMs !== undefined) {
    const wait = Math.min(RETRY_AFTER_MAX_MS, error.retryAfterMs);
    return { retry: true, delayMs: Math.round(wait + wait * 0.2 * random) };
  }
  return { retry: true, delayMs: retryDelayMs(attempt, random) };
}
