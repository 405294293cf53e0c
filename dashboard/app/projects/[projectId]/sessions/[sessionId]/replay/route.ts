import { Code } from '@connectrpc/connect';
import { sessionToken } from '@/lib/api/client';
import { streamSessionReplay } from '@/lib/api/sessions';
import { relayToBrowser } from '@/lib/relay-stream';
import { encodeReplayLine } from '@/lib/replay-stream';

// Relays SessionService.StreamSessionReplay to the player as newline-delimited
// JSON, so the replay starts while later chunks are still on their way. The
// session token is an httpOnly cookie: the browser cannot call the API itself.
export const dynamic = 'force-dynamic';

type Params = { projectId: string; sessionId: string };

// Chunks per line: few, so that playing starts after the first ones; ?chunks= (1-200) overrides.
const DEFAULT_CHUNKS_PER_LINE = 4;

function chunksPerLine(request: Request): number {
  const asked = Number(new URL(request.url).searchParams.get('chunks'));
  return Number.isInteger(asked) && asked >= 1 && asked <= 200 ? asked : DEFAULT_CHUNKS_PER_LINE;
}

export async function GET(request: Request, { params }: { params: Promise<Params> }) {
  const { projectId: rawProjectId, sessionId: rawSessionId } = await params;
  const [projectId, sessionId] = [decodeURIComponent(rawProjectId), decodeURIComponent(rawSessionId)];
  const token = await sessionToken();
  if (!token)
    return new Response('sign in first\n', { status: 401, headers: { 'content-type': 'text/plain' } });
  const headers = {
    'content-type': 'application/x-ndjson; charset=utf-8',
    'cache-control': 'no-store, no-transform',
    'x-accel-buffering': 'no',
  };
  return relayToBrowser(
    request,
    headers,
    async (send, signal) => {
      for await (const chunks of streamSessionReplay(
        token,
        projectId,
        sessionId,
        chunksPerLine(request),
        signal,
      ))
        send(encodeReplayLine({ chunks }));
    },
    (error) => encodeReplayLine({ failure: { code: Code[error.code], message: error.rawMessage } }),
  );
}
