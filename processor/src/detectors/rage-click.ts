import { create } from '@bufbuild/protobuf';
import type { Click, Event } from '@gosight/proto/v1/events_pb';
import { type Insight, InsightSchema, InsightType } from '@gosight/proto/v1/insights_pb';
import { insightId } from './insight-id.ts';
import { NONE } from './none.ts';
import type { DetectorDefinition, EventContext, SessionDetector } from './types.ts';

export const RAGE_CLICK_DEFAULTS = {
  // At least this many clicks ...
  minClicks: 5,
  // ... within this time of the first ...
  windowMs: 2000,
  // ... each within this distance of the first (page coordinates, CSS px).
  radiusPx: 30,
};
export type RageClickThresholds = typeof RAGE_CLICK_DEFAULTS;

interface BurstClick {
  eventId: string;
  timestampMs: number;
  click: Click;
  context: EventContext;
}

function createRageClickDetector(thresholds: RageClickThresholds): SessionDetector {
  let burst: BurstClick[] = [];

  const fits = (first: BurstClick, next: BurstClick) =>
    next.timestampMs - first.timestampMs <= thresholds.windowMs &&
    next.context.url === first.context.url &&
    Math.hypot(next.click.pageX - first.click.pageX, next.click.pageY - first.click.pageY) <=
      thresholds.radiusPx;

  // Not a rage burst yet, but a later click may complete one: move the first
  // click forward until it is still open at nowMs and the rest fit around it.
  function slide(nowMs: number): void {
    while (burst.length > 0) {
      const [head, ...rest] = burst as [BurstClick, ...BurstClick[]];
      if (nowMs - head.timestampMs <= thresholds.windowMs && rest.every((click) => fits(head, click))) return;
      burst = rest;
    }
  }

  function close(): Insight[] {
    const clicks = burst;
    burst = [];
    const first = clicks[0];
    const last = clicks.at(-1);
    if (!first || !last || clicks.length < thresholds.minClicks) return NONE;
    return [
      create(InsightSchema, {
        insightId: insightId(
          first.context.projectId,
          first.context.sessionId,
          InsightType.RAGE_CLICK,
          first.eventId,
        ),
        type: InsightType.RAGE_CLICK,
        projectId: first.context.projectId,
        sessionId: first.context.sessionId,
        timestampMs: BigInt(first.timestampMs),
        endTimestampMs: BigInt(last.timestampMs),
        url: first.context.url,
        selector: first.click.selector,
        pageX: first.click.pageX,
        pageY: first.click.pageY,
        clickCount: clicks.length,
        eventIds: clicks.map((click) => click.eventId),
      }),
    ];
  }

  return {
    handle(event: Event, context: EventContext): Insight[] {
      if (event.kind.case !== 'click') return this.flush(Number(event.timestampMs));
      const next: BurstClick = {
        eventId: event.eventId,
        timestampMs: Number(event.timestampMs),
        click: event.kind.value,
        context,
      };
      const first = burst[0];
      if (first && fits(first, next)) {
        burst.push(next);
        return NONE;
      }
      if (burst.length >= thresholds.minClicks) {
        const done = close();
        burst = [next];
        return done;
      }
      burst.push(next);
      slide(next.timestampMs);
      return NONE;
    },
    flush(nowMs: number): Insight[] {
      const first = burst[0];
      if (!first || nowMs - first.timestampMs <= thresholds.windowMs) return NONE;
      if (burst.length >= thresholds.minClicks) return close();
      slide(nowMs);
      return NONE;
    },
    idle: () => burst.length === 0,
  };
}

export const rageClick: DetectorDefinition<RageClickThresholds> = {
  signal: 'rage_click',
  type: InsightType.RAGE_CLICK,
  defaults: RAGE_CLICK_DEFAULTS,
  create: createRageClickDetector,
};
