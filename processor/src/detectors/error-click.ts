import { create } from '@bufbuild/protobuf';
import type { Click, Event } from '@gosight/proto/v1/events_pb';
import { type Insight, InsightSchema, InsightType } from '@gosight/proto/v1/insights_pb';
import { insightId } from './insight-id.ts';
import { NONE } from './none.ts';
import type { DetectorDefinition, EventContext, SessionDetector } from './types.ts';

export const ERROR_CLICK_DEFAULTS = {
  // An uncaught error or unhandled rejection at most this long after a click.
  errorWindowMs: 1000,
};
export type ErrorClickThresholds = typeof ERROR_CLICK_DEFAULTS;

interface RecentClick {
  eventId: string;
  timestampMs: number;
  click: Click;
  context: EventContext;
}

function createErrorClickDetector(thresholds: ErrorClickThresholds): SessionDetector {
  // Clicks of the current page still inside their error window, oldest first.
  let recent: RecentClick[] = [];

  const expire = (nowMs: number) => {
    const oldest = recent[0];
    if (oldest && nowMs - oldest.timestampMs > thresholds.errorWindowMs)
      recent = recent.filter((click) => nowMs - click.timestampMs <= thresholds.errorWindowMs);
  };

  return {
    handle(event: Event, context: EventContext): Insight[] {
      const timestampMs = Number(event.timestampMs);
      expire(timestampMs);
      switch (event.kind.case) {
        case 'click':
          recent.push({ eventId: event.eventId, timestampMs, click: event.kind.value, context });
          return NONE;
        case 'pageView':
        case 'routeChange':
          recent = [];
          return NONE;
        case 'jsError': {
          // The error belongs to the latest click on the same page; a click
          // counts once however many errors follow it.
          const index = recent.findLastIndex((click) => click.context.url === context.url);
          const cause = recent[index];
          if (!cause) return NONE;
          recent.splice(index, 1);
          return [
            create(InsightSchema, {
              insightId: insightId(
                context.projectId,
                context.sessionId,
                InsightType.ERROR_CLICK,
                cause.eventId,
              ),
              type: InsightType.ERROR_CLICK,
              projectId: context.projectId,
              sessionId: context.sessionId,
              timestampMs: BigInt(cause.timestampMs),
              endTimestampMs: BigInt(timestampMs),
              url: cause.context.url,
              selector: cause.click.selector,
              pageX: cause.click.pageX,
              pageY: cause.click.pageY,
              clickCount: 1,
              errorMessage: event.kind.value.message,
              eventIds: [cause.eventId, event.eventId],
            }),
          ];
        }
        default:
          return NONE;
      }
    },
    flush(nowMs: number): Insight[] {
      expire(nowMs);
      return NONE;
    },
    idle: () => recent.length === 0,
  };
}

export const errorClick: DetectorDefinition<ErrorClickThresholds> = {
  signal: 'error_click',
  type: InsightType.ERROR_CLICK,
  defaults: ERROR_CLICK_DEFAULTS,
  create: createErrorClickDetector,
};
