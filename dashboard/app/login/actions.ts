'use server';

import { Code, ConnectError } from '@connectrpc/connect';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { authClient } from '@/lib/api/auth';
import { config, SESSION_COOKIE } from '@/lib/config';
import { safeNext } from './safe-next';

/** Exchanges email and password for an API session token kept in an httpOnly cookie. */
export async function login(form: FormData): Promise<void> {
  const email = String(form.get('email') ?? '');
  const password = String(form.get('password') ?? '');
  const next = safeNext(String(form.get('next') ?? ''));
  let session: { token: string; expiresAt: Date } | undefined;
  let failure = '';
  try {
    // The API throttles failed logins per client address: pass on the chain the
    // ingress built (it counts with GOSIGHT_API_TRUSTED_PROXY_HOPS), else every
    // visitor would count as the dashboard itself.
    const forwardedFor = (await headers()).get('x-forwarded-for');
    const response = await authClient.login(
      { email, password },
      { headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} },
    );
    session = { token: response.sessionToken, expiresAt: new Date(Number(response.expiresAtMs)) };
  } catch (err) {
    failure = failureOf(ConnectError.from(err));
  }
  if (!session) redirect(`/login?error=${failure}&next=${encodeURIComponent(next)}`);
  (await cookies()).set(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
    expires: session.expiresAt,
  });
  redirect(next);
}

function failureOf(error: ConnectError): string {
  if (error.code === Code.Unauthenticated) return 'credentials';
  if (error.code !== Code.ResourceExhausted) return 'unavailable';
  const seconds = Number(error.metadata.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? `throttled&retry=${Math.ceil(seconds)}` : 'throttled';
}
