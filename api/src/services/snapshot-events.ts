// rrweb event types: 2 is a full snapshot, 4 the meta event (href, width,
// height) that precedes it.
const FULL_SNAPSHOT = 2;
const META = 4;

// The events a Replayer needs to draw the page: the meta event and the first
// full snapshot of a chunk. Undefined when the chunk holds no full snapshot.
export function snapshotEvents(eventsJson: string): string | undefined {
  let events: unknown;
  try {
    events = JSON.parse(eventsJson);
  } catch {
    return undefined;
  }
  if (!Array.isArray(events)) return undefined;
  const index = events.findIndex((event) => (event as { type?: unknown })?.type === FULL_SNAPSHOT);
  if (index < 0) return undefined;
  const meta = events.slice(0, index).findLast((event) => (event as { type?: unknown })?.type === META);
  return JSON.stringify(meta ? [meta, events[index]] : [events[index]]);
}
