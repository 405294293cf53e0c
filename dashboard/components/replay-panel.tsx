import { getSessionReplay } from '@/lib/api/sessions';
import type { ReplayChunkData } from '@/lib/replay-events';
import { renderApiError } from './api-error-notice';
import { ReplayPlayer } from './replay-player';

export async function ReplayPanel({
  projectId,
  sessionId,
  atMs,
}: {
  projectId: string;
  sessionId: string;
  atMs?: number;
}) {
  let chunks: ReplayChunkData[];
  try {
    // Only plain fields cross to the client component.
    chunks = (await getSessionReplay(projectId, sessionId)).map(({ sequence, eventsJson }) => ({
      sequence,
      eventsJson,
    }));
  } catch (err) {
    return renderApiError(err);
  }
  if (chunks.length === 0) {
    return (
      <div className="notice" data-testid="replay-missing">
        No replay was recorded for this session. Replay is recorded only where the snippet has it enabled.
      </div>
    );
  }
  return <ReplayPlayer chunks={chunks} atMs={atMs} />;
}
