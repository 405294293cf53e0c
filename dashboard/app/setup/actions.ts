'use server';

import { Code, ConnectError } from '@connectrpc/connect';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { bootstrap } from '@/lib/api/projects';
import { config, SESSION_COOKIE } from '@/lib/config';

export type SetupState = { error?: string; values?: Record<string, string> };

const field = (form: FormData, name: string) => String(form.get(name) ?? '');

/** Creates the first user and project, then signs the user in. */
export async function setUp(_state: SetupState, form: FormData): Promise<SetupState> {
  const values = {
    name: field(form, 'name').trim(),
    email: field(form, 'email').trim(),
    projectName: field(form, 'projectName').trim(),
  };
  let result: Awaited<ReturnType<typeof bootstrap>>;
  try {
    result = await bootstrap({ ...values, password: field(form, 'password') });
  } catch (err) {
    const error = ConnectError.from(err);
    if (error.code === Code.FailedPrecondition) redirect('/login?setup=done');
    if (error.code === Code.InvalidArgument) {
      const message = error.rawMessage;
      return { error: message.charAt(0).toUpperCase() + message.slice(1), values };
    }
    return { error: `The GoSight API could not set up (${Code[error.code]}): ${error.rawMessage}`, values };
  }
  (await cookies()).set(SESSION_COOKIE, result.sessionToken, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
    expires: new Date(Number(result.expiresAtMs)),
  });
  redirect(`/projects/${encodeURIComponent(result.project?.projectId ?? '')}/settings?tab=keys`);
}
