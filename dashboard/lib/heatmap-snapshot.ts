import type { rebuild } from 'rrweb-snapshot';

/** rrweb's serialized document tree (serializedNodeWithId in @rrweb/types). */
export type SerializedNode = Parameters<typeof rebuild>[0];

// rrweb event types (EventType in @rrweb/types): 2 full snapshot, 4 meta.
const FULL_SNAPSHOT = 2;
const META = 4;

export interface PageSnapshot {
  /** Recorded viewport width and height in CSS pixels. */
  width: number;
  height: number;
  href: string;
  node: SerializedNode;
}

export type SnapshotResult = { ok: true; snapshot: PageSnapshot } | { ok: false; reason: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The meta and full-snapshot events of GetPageSnapshot's events_json, checked. */
export function parseSnapshotEvents(eventsJson: string): SnapshotResult {
  let events: unknown;
  try {
    events = JSON.parse(eventsJson);
  } catch {
    return { ok: false, reason: 'the recorded snapshot is not valid JSON' };
  }
  if (!Array.isArray(events))
    return { ok: false, reason: 'the recorded snapshot is not a list of rrweb events' };
  const full = events.findLast((event) => isObject(event) && event.type === FULL_SNAPSHOT);
  const node = isObject(full) && isObject(full.data) ? full.data.node : undefined;
  if (!isObject(node) || typeof node.type !== 'number' || typeof node.id !== 'number') {
    return { ok: false, reason: 'the recording holds no full snapshot of the page' };
  }
  const meta = events.find((event) => isObject(event) && event.type === META);
  const data = isObject(meta) && isObject(meta.data) ? meta.data : {};
  const width = typeof data.width === 'number' && data.width > 0 ? data.width : 1280;
  const height = typeof data.height === 'number' && data.height > 0 ? data.height : 800;
  const href = typeof data.href === 'string' ? data.href : '';
  return { ok: true, snapshot: { width, height, href, node: node as unknown as SerializedNode } };
}
