import { Code } from '@connectrpc/connect';
import { sessionToken } from '@/lib/api/client';
import { streamLive } from '@/lib/api/live';
import { dashboardMetrics } from '@/lib/metrics';
import { relayToBrowser } from '@/lib/relay-stream';
import { sseEvent } from './sse';

// Relays LiveService.StreamLive to the browser as Server-Sent Events: the
// browser cannot call the API itself, since the session token is an httpOnly
// cookie. When the browser goes away the upstream stream is cancelled.
export const dynamic = 'force-dynamic';

const INTERVAL_MS = 1000;
// Tells EventSource not to retry: signed out or not a member.
const FINAL = new Set([Code.Unauthenticated, Code.PermissionDenied, Code.NotFound, Code.InvalidArgument]);

export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  const projectId = decodeURIComponent((await params).projectId);
  const token = await sessionToken();
  if (!token)
    return new Response('sign in first\n', { status: 401, headers: { 'content-type': 'text/plain' } });
  const headers = {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    // Reverse proxies (ingress-nginx) must pass each event on at once.
    'x-accel-buffering': 'no',
  };
  return relayToBrowser(
    request,
    headers,
    async (send, signal) => {
      const { liveStreams } = dashboardMetrics();
      liveStreams.inc();
      try {
        for await (const snapshot of streamLive(token, projectId, INTERVAL_MS, signal))
          send(sseEvent('snapshot', snapshot));
      } finally {
        liveStreams.dec();
      }
    },
    (error) =>
      sseEvent('failure', {
        code: Code[error.code],
        message: error.rawMessage,
        final: FINAL.has(error.code),
      }),
  );
}
