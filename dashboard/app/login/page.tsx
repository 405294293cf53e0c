import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { isSetupOpen } from '@/lib/api/projects';
import { SESSION_COOKIE } from '@/lib/config';
import { login } from './actions';
import styles from './login.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign in' };

const MESSAGES: Record<string, string> = {
  credentials: 'Wrong email or password.',
  unavailable: 'The GoSight API did not answer. Try again in a moment.',
  throttled: 'Too many failed sign-ins for this account or address.',
};

function retryNote(retry: unknown): string {
  const seconds = Number(retry);
  if (!Number.isFinite(seconds) || seconds <= 0) return ' Try again later.';
  return seconds < 120
    ? ` Try again in ${seconds} seconds.`
    : ` Try again in ${Math.ceil(seconds / 60)} minutes.`;
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const known = typeof params.error === 'string' ? MESSAGES[params.error] : undefined;
  const error = known && params.error === 'throttled' ? known + retryNote(params.retry) : known;
  const next = typeof params.next === 'string' ? params.next : '/';
  const signedIn = (await cookies()).has(SESSION_COOKIE);
  const setupOpen = !signedIn && (await isSetupOpen());
  return (
    <div className={styles.panel}>
      <h1>Sign in</h1>
      {setupOpen ? (
        <p className="notice" data-testid="setup-link">
          GoSight has no accounts yet. <Link href="/setup">Set up GoSight</Link> to create the first one.
        </p>
      ) : null}
      {params.setup ? <p className="notice">GoSight is already set up: sign in.</p> : null}
      {params.expired ? <p className="notice">Your session ended. Sign in again.</p> : null}
      {error ? (
        <p className="notice notice-error" role="alert" data-testid="login-error">
          {error}
        </p>
      ) : null}
      <form action={login} className={styles.form}>
        <input type="hidden" name="next" value={next} />
        <label>
          Email
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button type="submit">Sign in</button>
      </form>
      {signedIn ? (
        <form action="/login/logout" method="post" className={styles.form}>
          <button type="submit">Sign out</button>
        </form>
      ) : null}
      <p className="muted">
        No account yet? An Owner or Admin adds you to a project; the first account is created with{' '}
        <code>npx tsx api/src/create-user-cli.ts</code> or the API&apos;s <code>AuthService.Bootstrap</code>.
      </p>
    </div>
  );
}
