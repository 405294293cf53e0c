import type { Event } from '@gosight/proto/v1/events_pb';
import type { Insight, InsightType } from '@gosight/proto/v1/insights_pb';

// Where an event happened: its session and the page URL (the event's own URL,
// or the batch's page URL when the event has none).
export interface EventContext {
  projectId: string;
  sessionId: string;
  url: string;
}

// One signal's detector for one session. Events arrive in timestamp order;
// every time is the event's (corrected client) clock, never the processor's.
export interface SessionDetector {
  handle(event: Event, context: EventContext): Insight[];
  // Closes every window that ended before nowMs and returns what it completed.
  flush(nowMs: number): Insight[];
  // True when the detector holds no state a later event or flush could turn into an insight.
  idle(): boolean;
}

export type Thresholds = Record<string, number | boolean>;

export interface DetectorDefinition<T extends Thresholds = Thresholds> {
  // Name used in the per-project settings and the insights table's type column.
  signal: string;
  type: InsightType;
  defaults: Readonly<T>;
  create(thresholds: T): SessionDetector;
}
