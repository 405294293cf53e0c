import { loadExtras } from './extras-loader.ts';

export interface UnaryCall {
  url: string;
  body: Uint8Array;
  gzip: boolean;
  keepalive: boolean;
  timeoutMs: number;
}

// A failed call, in Connect's terms: the error code ("unavailable" …), its
// message, and how long the server asked to wait (a google.rpc.RetryInfo
// error detail, or Retry-After), when it did.
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
    // Reading errors comes with the extras (loaded at init); without them
    // the call is worth another try.
    const extras = await loadExtras().catch(() => undefined);
    return extras
      ? await extras.parseError(response)
      : { code: 'unavailable', message: `HTTP ${response.status}` };
  } catch (error) {
    return { code: 'unavailable', message: String(error), network: true };
  } finally {
    clearTimeout(timer);
  }
}
