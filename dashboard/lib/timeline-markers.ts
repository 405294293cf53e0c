import { InsightType } from '@gosight/proto/v1/insights_pb';

/** What the session timeline marks. */
export type MarkerKind = 'click' | 'error' | 'rage_click' | 'dead_click' | 'error_click' | 'thrashed_cursor';

/** One moment on the timeline; plain data, so it can cross to a client component. */
export interface TimelineMarker {
  key: string;
  kind: MarkerKind;
  /** Epoch ms. */
  atMs: number;
  /** Ms from the session start. */
  offsetMs: number;
  /** Where on the timeline, 0 to 100. */
  percent: number;
  label: string;
  detail: string;
}

export interface TimelineEventInput {
  eventId: string;
  timestampMs: bigint;
  type: string;
  url: string;
  selector: string;
}

export interface TimelineInsightInput {
  insightId: string;
  type: InsightType;
  timestampMs: bigint;
  url: string;
  selector: string;
  clickCount: number;
  errorMessage: string;
}

export const SIGNAL_KINDS: Record<InsightType, MarkerKind | undefined> = {
  [InsightType.UNSPECIFIED]: undefined,
  [InsightType.RAGE_CLICK]: 'rage_click',
  [InsightType.DEAD_CLICK]: 'dead_click',
  [InsightType.ERROR_CLICK]: 'error_click',
  [InsightType.THRASHED_CURSOR]: 'thrashed_cursor',
};

export const MARKER_LABELS: Record<MarkerKind, string> = {
  click: 'Click',
  error: 'JavaScript error',
  rage_click: 'Rage click',
  dead_click: 'Dead click',
  error_click: 'Error click',
  thrashed_cursor: 'Thrashed cursor',
};

/** Signals and errors: the moments worth a "jump to". */
export function isJumpTarget(kind: MarkerKind): boolean {
  return kind !== 'click';
}

/**
 * Markers for clicks, errors and frustration signals, oldest first, placed on
 * a timeline that spans the session (widened to cover every marker).
 */
export function buildTimeline(
  session: { startedAtMs: bigint; endedAtMs: bigint },
  events: readonly TimelineEventInput[],
  insights: readonly TimelineInsightInput[],
): { startMs: number; endMs: number; markers: TimelineMarker[] } {
  const raw: Omit<TimelineMarker, 'offsetMs' | 'percent'>[] = [];
  for (const event of events) {
    const kind = event.type === 'click' ? 'click' : event.type === 'js_error' ? 'error' : undefined;
    if (!kind) continue;
    raw.push({
      key: `event-${event.eventId}`,
      kind,
      atMs: Number(event.timestampMs),
      label: MARKER_LABELS[kind],
      detail: kind === 'click' ? event.selector || event.url : event.url,
    });
  }
  for (const insight of insights) {
    const kind = SIGNAL_KINDS[insight.type];
    if (!kind) continue;
    const count = kind === 'rage_click' && insight.clickCount > 0 ? ` (${insight.clickCount} clicks)` : '';
    raw.push({
      key: `insight-${insight.insightId}`,
      kind,
      atMs: Number(insight.timestampMs),
      label: `${MARKER_LABELS[kind]}${count}`,
      detail: [insight.selector, insight.errorMessage].filter(Boolean).join(' · ') || insight.url,
    });
  }
  const times = raw.map((marker) => marker.atMs);
  const startMs = Math.min(Number(session.startedAtMs), ...times);
  const endMs = Math.max(Number(session.endedAtMs), ...times);
  const span = Math.max(endMs - startMs, 1);
  const markers = raw
    .map((marker) => ({
      ...marker,
      offsetMs: marker.atMs - startMs,
      percent: Math.round(((marker.atMs - startMs) / span) * 10_000) / 100,
    }))
    .sort((a, b) => a.atMs - b.atMs || a.key.localeCompare(b.key));
  return { startMs, endMs, markers };
}
