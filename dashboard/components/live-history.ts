import type { LiveSnapshot } from '@/lib/api/live';

export type LivePoint = { t: number; activeSessions: number; eventsPerSecond: number };

/** Appends a snapshot to the rolling chart history, keeping the newest `limit` points. */
export function appendPoint(history: LivePoint[], snapshot: LiveSnapshot, limit: number): LivePoint[] {
  const point = {
    t: snapshot.atMs,
    activeSessions: snapshot.activeSessions,
    eventsPerSecond: snapshot.eventsPerSecond,
  };
  const next = [...history, point];
  return next.length > limit ? next.slice(next.length - limit) : next;
}
