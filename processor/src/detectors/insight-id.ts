import { createHash } from 'node:crypto';
import type { InsightType } from '@gosight/proto/v1/insights_pb';

// Same project, session, type and first event: same id, so a signal detected
// again after a redelivery collapses with the first detection.
export function insightId(
  projectId: string,
  sessionId: string,
  type: InsightType,
  firstEventId: string,
): string {
  return createHash('sha256')
    .update(`${projectId}\u0000${sessionId}\u0000${type}\u0000${firstEventId}`)
    .digest('hex')
    .slice(0, 32);
}
