import { Code, ConnectError } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { config, SESSION_COOKIE } from '../config';
import { recordApiCall } from '../metrics';

// The only place that talks to the GoSight API. Server components and server
// actions only: it uses node:http. The signed-in user's session token lives in
// an httpOnly cookie and goes to the API as "Authorization: Bearer <token>".
// One module per service area (sessions.ts, alerts.ts, ...) builds on `call`.

export const transport = createConnectTransport({
  baseUrl: config.apiUrl,
  httpVersion: '1.1',
  defaultTimeoutMs: config.apiTimeoutMs,
});

/** The signed-in user's session token, or undefined when signed out. */
export async function sessionToken(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value;
}

/** Headers that authenticate the current request's user; sends them to /login when signed out. */
async function authHeaders(): Promise<HeadersInit> {
  const token = await sessionToken();
  if (!token) redirect('/login');
  return { authorization: `Bearer ${token}` };
}

/** A failed API call, with a message fit to show on the page. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly operation: string,
    readonly code: Code,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Runs one authenticated RPC; an expired session sends the user back to /login. */
export async function call<T>(operation: string, run: (headers: HeadersInit) => Promise<T>): Promise<T> {
  const headers = await authHeaders();
  const startedAt = performance.now();
  try {
    const result = await run(headers);
    recordApiCall(operation, 'OK', startedAt);
    return result;
  } catch (err) {
    const connectError = ConnectError.from(err);
    recordApiCall(operation, Code[connectError.code], startedAt);
    if (connectError.code !== Code.Unauthenticated) throw toApiError(operation, connectError, err);
  }
  // The session expired or was ended elsewhere: sign in again.
  redirect('/login?expired=1');
}

export function toApiError(operation: string, connectError: ConnectError, err: unknown): ApiError {
  const detail = connectError.rawMessage || Code[connectError.code];
  const message =
    connectError.code === Code.Unavailable || connectError.code === Code.DeadlineExceeded
      ? `Could not reach the GoSight API at ${config.apiUrl} (${operation}): ${detail}`
      : `${operation} failed (${Code[connectError.code]}): ${detail}`;
  return new ApiError(operation, connectError.code, message, { cause: err });
}
