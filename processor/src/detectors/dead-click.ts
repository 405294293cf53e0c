import { create } from '@bufbuild/protobuf';
import type { Click, Event } from '@gosight/proto/v1/events_pb';
import { type Insight, InsightSchema, InsightType } from '@gosight/proto/v1/insights_pb';
import { insightId } from './insight-id.ts';
import { NONE } from './none.ts';
import type { DetectorDefinition, EventContext, SessionDetector } from './types.ts';

export const DEAD_CLICK_DEFAULTS = {
  // A click is dead when the page shows no reaction within this time.
  reactionWindowMs: 1000,
  // A click on the same element within this time of the previous one is a
  // repeat (double click, rage burst) and is not counted again.
  repeatWindowMs: 1000,
  // Count only clicks on interactive targets (links, buttons, controls, ARIA
  // widgets, handlers, cursor: pointer); a click on blank page or prose asks
  // the page for nothing.
  interactiveOnly: true,
};
export type DeadClickThresholds = typeof DEAD_CLICK_DEFAULTS;

// Events that are themselves a reaction of the page, for clicks the SDK had to
// report before it had watched the whole window (the page was being left).
const REACTION_EVENTS = new Set(['pageView', 'routeChange', 'pageLeave', 'scroll']);

interface PendingClick {
  eventId: string;
  timestampMs: number;
  click: Click;
  context: EventContext;
}

// A selection change this close to the next click on the same element is
// that click's own doing (a double click selects a word), not the page's
// reaction to the first one.
export const MULTI_CLICK_SELECTION_MS = 150;

type Verdict = 'reacted' | 'dead' | 'unknown' | 'early' | { selectionAtMs: number };

function judge(click: Click, timestampMs: number, windowMs: number): Verdict {
  const reaction = click.reaction;
  // No reaction data at all: an SDK that does not observe reactions.
  if (!reaction) return 'unknown';
  const within = (delay: number | undefined) => delay !== undefined && delay <= windowMs;
  if ([reaction.domMutationMs, reaction.navigationMs, reaction.scrollMs, reaction.focusChangeMs].some(within))
    return 'reacted';
  const selection = within(reaction.selectionChangeMs) ? reaction.selectionChangeMs : undefined;
  // Reported before the window ended (the page was being left): later events decide.
  if (reaction.observedMs < windowMs) return selection === undefined ? 'early' : 'reacted';
  return selection === undefined ? 'dead' : { selectionAtMs: timestampMs + selection };
}

function createDeadClickDetector(thresholds: DeadClickThresholds): SessionDetector {
  const lastClickOn = new Map<string, number>();
  // Reported early: dead unless a page event shows a reaction within the window.
  let pending: PendingClick[] = [];
  // Only reaction a selection change: dead if it came with the next click on the element.
  let selectionOnly: (PendingClick & { selectionAtMs: number })[] = [];

  const insightFor = ({ eventId, timestampMs, click, context }: PendingClick): Insight =>
    create(InsightSchema, {
      insightId: insightId(context.projectId, context.sessionId, InsightType.DEAD_CLICK, eventId),
      type: InsightType.DEAD_CLICK,
      projectId: context.projectId,
      sessionId: context.sessionId,
      timestampMs: BigInt(timestampMs),
      endTimestampMs: BigInt(timestampMs + thresholds.reactionWindowMs),
      url: context.url,
      selector: click.selector,
      pageX: click.pageX,
      pageY: click.pageY,
      clickCount: 1,
      eventIds: [eventId],
    });

  function expire(nowMs: number): Insight[] {
    if (selectionOnly.length > 0)
      selectionOnly = selectionOnly.filter((p) => nowMs - p.timestampMs <= thresholds.reactionWindowMs);
    const oldest = pending[0];
    if (!oldest || nowMs - oldest.timestampMs <= thresholds.reactionWindowMs) return NONE;
    const due = pending.filter((p) => nowMs - p.timestampMs > thresholds.reactionWindowMs);
    pending = pending.filter((p) => !due.includes(p));
    return due.map(insightFor);
  }

  function pruneRepeats(nowMs: number): void {
    if (lastClickOn.size === 0) return;
    for (const [selector, at] of lastClickOn) {
      if (nowMs - at > thresholds.repeatWindowMs) lastClickOn.delete(selector);
    }
  }

  return {
    handle(event: Event, context: EventContext): Insight[] {
      const timestampMs = Number(event.timestampMs);
      let done = expire(timestampMs);
      if (event.kind.case !== 'click') {
        if (lastClickOn.size > 0) pruneRepeats(timestampMs);
        // A page reaction seen after a click that was reported early.
        if (pending.length > 0 && REACTION_EVENTS.has(event.kind.case ?? '')) pending = [];
        return done;
      }
      const click = event.kind.value;
      pruneRepeats(timestampMs);
      const doubled = selectionOnly.filter(
        (p) =>
          p.click.selector === click.selector &&
          p.selectionAtMs >= timestampMs - MULTI_CLICK_SELECTION_MS &&
          p.selectionAtMs <= timestampMs + MULTI_CLICK_SELECTION_MS,
      );
      if (doubled.length > 0) {
        selectionOnly = selectionOnly.filter((p) => !doubled.includes(p));
        done = [...done, ...doubled.map(insightFor)];
      }
      const previous = lastClickOn.get(click.selector);
      lastClickOn.set(click.selector, timestampMs);
      if (previous !== undefined && timestampMs - previous <= thresholds.repeatWindowMs) return done;
      if (click.modifierKey || click.textField) return done;
      if (thresholds.interactiveOnly && !click.interactive) return done;
      const verdict = judge(click, timestampMs, thresholds.reactionWindowMs);
      const candidate = { eventId: event.eventId, timestampMs, click, context };
      if (verdict === 'dead') return [...done, insightFor(candidate)];
      if (verdict === 'early') pending.push(candidate);
      else if (typeof verdict === 'object') selectionOnly.push({ ...candidate, ...verdict });
      return done;
    },
    flush(nowMs: number): Insight[] {
      pruneRepeats(nowMs);
      return expire(nowMs);
    },
    idle: () => pending.length === 0 && selectionOnly.length === 0 && lastClickOn.size === 0,
  };
}

export const deadClick: DetectorDefinition<DeadClickThresholds> = {
  signal: 'dead_click',
  type: InsightType.DEAD_CLICK,
  defaults: DEAD_CLICK_DEFAULTS,
  create: createDeadClickDetector,
};
