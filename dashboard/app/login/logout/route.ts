import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import { authClient } from '@/lib/api/auth';
import { SESSION_COOKIE } from '@/lib/config';

/** Ends the API session and forgets the cookie. POST only, so a link cannot sign anyone out. */
export async function POST(request: Request): Promise<NextResponse> {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  if (token) await authClient.logout({}, { headers: { authorization: `Bearer ${token}` } }).catch(() => {});
  jar.delete(SESSION_COOKIE);
  return NextResponse.redirect(new URL('/login', request.url), 303);
}
