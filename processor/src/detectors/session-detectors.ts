import type { Event } from '@gosight/proto/v1/events_pb';
import type { Insight } from '@gosight/proto/v1/insights_pb';
import { NONE } from './none.ts';
import { DETECTORS } from './registry.ts';
import type { EventContext, SessionDetector, Thresholds } from './types.ts';

// Resolved thresholds of one project, by signal; a missing signal uses its defaults.
export type ProjectThresholds = ReadonlyMap<string, Thresholds>;

// All detectors of one session, behind the shape of one.
export function createSessionDetectors(thresholds: ProjectThresholds = new Map()): SessionDetector {
  const detectors = DETECTORS.map((definition) =>
    definition.create(thresholds.get(definition.signal) ?? definition.defaults),
  );
  return {
    handle(event: Event, context: EventContext): Insight[] {
      let insights = NONE;
      for (const detector of detectors) {
        const found = detector.handle(event, context);
        if (found.length > 0) insights = [...insights, ...found];
      }
      return insights;
    },
    flush(nowMs: number): Insight[] {
      let insights = NONE;
      for (const detector of detectors) {
        const found = detector.flush(nowMs);
        if (found.length > 0) insights = [...insights, ...found];
      }
      return insights;
    },
    idle: () => detectors.every((detector) => detector.idle()),
  };
}
