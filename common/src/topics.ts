// Kafka topics of the pipeline. Messages are keyed by "project_id:session_id"
// so that one session stays ordered on one partition.
export interface Topics {
  events: string;
  replay: string;
  insights: string;
  dlq: string;
}

export function topicsFor(prefix: string): Topics {
  return {
    events: `${prefix}.events`,
    replay: `${prefix}.replay`,
    insights: `${prefix}.insights`,
    dlq: `${prefix}.dlq`,
  };
}

export function sessionKey(projectId: string, sessionId: string): string {
  return `${projectId}:${sessionId}`;
}
