export interface UnaryCall {
  url: string;
  body: Uint8Array;
  gzip: boolean;
  keepalive: boolean;
  timeoutMs: number;
}

// A failed call, in Connect's terms: the error code ("unavailable" …), its
// message, and how long the server asked to wait (Retry-After), when it did.
// Connect unary errors carry metadata as HTTP headers, so a ConnectError with
// a retry-after metadata entry (what the ingestor's rate limiter sends)
// arrives here as the header.
export interface CallError {
  code: string;
  message: string;
  retryAfterMs?: number;
  // No HTTP response at all: offline, DNS, CORS, aborted.
  network?: boolean;
}

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

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

// One Connect unary call with the binary codec: POST, application/proto,
// Connect-Protocol-Version 1, and the body gzipped with Content-Encoding when
// asked. Resolves to undefined on success and to the error otherwise.
export async function callUnary(fetchFn: Fetch, call: UnaryCall): Promise<CallError | undefined> {
  const headers: Record<string, string> = {
    'content-type': 'application/proto',
    'connect-protocol-version': '1',
  };
  if (call.gzip) headers['content-encoding'] = 'gzip';
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), call.timeoutMs);
  let response: Response;
  try {
    response = await fetchFn(call.url, {
      method: 'POST',
      headers,
      body: call.body as Uint8Array<ArrayBuffer>,
      keepalive: call.keepalive,
      signal: abort.signal,
      credentials: 'omit',
      mode: 'cors',
    });
  } catch (error) {
    clearTimeout(timer);
    return {
      code: abort.signal.aborted ? 'deadline_exceeded' : 'unavailable',
      message: String((error as Error)?.message ?? error),
      network: true,
    };
  }
  try {
    if (response.status === 200) {
      await response.arrayBuffer();
      return undefined;
    }
    return await parseError(response);
  } catch (error) {
    return { code: 'unavailable', message: String(error), network: true };
  } finally {
    clearTimeout(timer);
  }
}

async function parseError(response: Response): Promise<CallError> {
  const error: CallError = {
    code: CODE_BY_STATUS[response.status] ?? 'unknown',
    message: `HTTP ${response.status}`,
  };
  const retryAfter = retryAfterHeader(response.headers.get('retry-after'));
  if (retryAfter !== undefined) error.retryAfterMs = retryAfter;
  if (!(response.headers.get('content-type') ?? '').includes('application/json')) return error;
  const body = (await response.json().catch(() => undefined)) as
    | { code?: unknown; message?: unknown }
    | undefined;
  if (typeof body?.code === 'string') error.code = body.code;
  if (typeof body?.message === 'string') error.message = body.message;
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
