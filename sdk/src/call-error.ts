import type { CallError } from './connect-unary.ts';
import { retryInfoDelayMs } from './retry-info.ts';

// Connect's HTTP-status fallback, for errors without a Connect JSON body
// (a proxy's 503, a load balancer's 429).
const CODE_BY_STATUS: Record<number, string> = {
  400: 'internal',
  401: 'unauthenticated',
  403: 'permission_denied',
  404: 'unimplemented',
  408: 'deadline_exceeded',
  429: 'unavailable',
  502: 'unavailable',
  503: 'unavailable',
  504: 'unavailable',
};

// A Connect error response read: its code and message from the JSON body
// (else from the HTTP status) and the wait the server asks for.
export async function parseError(response: Response): Promise<CallError> {
  const error: CallError = {
    code: CODE_BY_STATUS[response.status] ?? 'unknown',
    message: `HTTP ${response.status}`,
  };
  const retryAfter = retryAfterHeader(response.headers.get('retry-after'));
  if (retryAfter !== undefined) error.retryAfterMs = retryAfter;
  if (!(response.headers.get('content-type') ?? '').includes('application/json')) return error;
  const body = (await response.json().catch(() => undefined)) as
    | { code?: unknown; message?: unknown; details?: unknown }
    | undefined;
  if (typeof body?.code === 'string') error.code = body.code;
  if (typeof body?.message === 'string') error.message = body.message;
  // A google.rpc.RetryInfo detail is the server's own word: it wins over a
  // Retry-After header (which a proxy may have set).
  const retryInfo = retryInfoDelayMs(body?.details);
  if (retryInfo !== undefined) error.retryAfterMs = retryInfo;
  return error;
}

// Retry-After: delay-seconds or an HTTP date.
export function retryAfterHeader(value: string | null, nowMs = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
