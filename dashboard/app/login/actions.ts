'use server';

import { Code, ConnectError } from '@connectrpc/connect';
import { cookies } from 'next/headers';
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
    const response = await authClient.login({ email, password });
    session = { token: response.sessionToken, expiresAt: new Date(Number(response.expiresAtMs)) };
  } catch (err) {
    failure = ConnectError.from(err).code === Code.Unauthenticated ? 'credentials' : 'unavailable';
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
