import { create } from '@bufbuild/protobuf';
import type { Event } from '@gosight/proto/v1/events_pb';
import { type Insight, InsightSchema, InsightType } from '@gosight/proto/v1/insights_pb';
import { insightId } from './insight-id.ts';
import { NONE } from './none.ts';
import type { DetectorDefinition, EventContext, SessionDetector } from './types.ts';

export const THRASHED_CURSOR_DEFAULTS = {
  // Sliding window over the mouse path, with no button pressed.
  windowMs: 1500,
  // Within the window: at least this many sharp direction reversals ...
  minReversals: 4,
  // ... sharper than this angle between one stretch of movement and the next ...
  reversalDegrees: 120,
  // ... a path at least this long (CSS px) ...
  minPathPx: 400,
  // ... covered at least this fast on average.
  minSpeedPxPerS: 500,
  // Movement shorter than this is one stretch, so hand tremor is no reversal.
  minStepPx: 10,
};
export type ThrashedCursorThresholds = typeof THRASHED_CURSOR_DEFAULTS;

// The SDK samples a moving pointer every 50 ms: no sample for this long means
// the pointer rested, which ends an episode (and lets it be reported early).
export const EPISODE_REST_MS = 500;

interface Point {
  t: number;
  x: number;
  y: number;
  eventId: string;
  // Length of the segment from the previous point, and whether the direction
  // reversed at this point.
  segmentPx: number;
  reversal: boolean;
}

interface Episode {
  firstEventId: string;
  context: EventContext;
  startMs: number;
  endMs: number;
  pathPx: number;
  reversals: number;
  eventIds: Set<string>;
}

function createThrashedCursorDetector(thresholds: ThrashedCursorThresholds): SessionDetector {
  const cosLimit = Math.cos((thresholds.reversalDegrees * Math.PI) / 180);
  let points: Point[] = [];
  // Window: points[head..]; running sums of its segments and reversals.
  let head = 0;
  let pathSum = 0;
  let reversalSum = 0;
  // Where the current stretch started, and the previous stretch's unit direction
  // (NaN: none yet). Plain numbers: this runs for every mouse sample.
  let anchorX = Number.NaN;
  let anchorY = Number.NaN;
  let directionX = Number.NaN;
  let directionY = Number.NaN;
  let episode: Episode | undefined;

  function close(): Insight[] {
    const done = episode;
    episode = undefined;
    if (!done) return NONE;
    const seconds = (done.endMs - done.startMs) / 1000;
    return [
      create(InsightSchema, {
        insightId: insightId(
          done.context.projectId,
          done.context.sessionId,
          InsightType.THRASHED_CURSOR,
          done.firstEventId,
        ),
        type: InsightType.THRASHED_CURSOR,
        projectId: done.context.projectId,
        sessionId: done.context.sessionId,
        timestampMs: BigInt(done.startMs),
        endTimestampMs: BigInt(done.endMs),
        url: done.context.url,
        pathLengthPx: Math.round(done.pathPx),
        directionChanges: done.reversals,
        meanSpeedPxPerS: seconds > 0 ? Math.round(done.pathPx / seconds) : 0,
        eventIds: [...done.eventIds],
      }),
    ];
  }

  function reset(): Insight[] {
    points = [];
    head = 0;
    pathSum = 0;
    reversalSum = 0;
    anchorX = Number.NaN;
    anchorY = Number.NaN;
    directionX = Number.NaN;
    directionY = Number.NaN;
    return close();
  }

  function add(t: number, x: number, y: number, eventId: string, context: EventContext): Insight[] {
    const previous = points.at(-1);
    const done = previous && t - previous.t > thresholds.windowMs ? reset() : NONE;
    const last = points.at(-1);
    let reversal = false;
    if (Number.isNaN(anchorX)) {
      anchorX = x;
      anchorY = y;
    }
    const stepX = x - anchorX;
    const stepY = y - anchorY;
    const stepPx = Math.sqrt(stepX * stepX + stepY * stepY);
    if (stepPx >= thresholds.minStepPx) {
      const unitX = stepX / stepPx;
      const unitY = stepY / stepPx;
      if (!Number.isNaN(directionX)) reversal = unitX * directionX + unitY * directionY < cosLimit;
      directionX = unitX;
      directionY = unitY;
      anchorX = x;
      anchorY = y;
    }
    const point: Point = {
      t,
      x,
      y,
      eventId,
      segmentPx: last ? Math.sqrt((x - last.x) ** 2 + (y - last.y) ** 2) : 0,
      reversal,
    };
    points.push(point);
    // Sums over the points after the first in the window (their segments end in it).
    if (points.length > head + 1) {
      pathSum += point.segmentPx;
      if (reversal) reversalSum++;
    }
    while (t - (points[head] as Point).t > thresholds.windowMs) {
      head++;
      const newFirst = points[head] as Point;
      pathSum -= newFirst.segmentPx;
      if (newFirst.reversal) reversalSum--;
    }
    if (head > 64) {
      points = points.slice(head);
      head = 0;
    }
    const first = points[head] as Point;
    const pathPx = pathSum;
    const reversals = reversalSum;
    const durationMs = t - first.t;
    const thrashing =
      durationMs > 0 &&
      reversals >= thresholds.minReversals &&
      pathPx >= thresholds.minPathPx &&
      (pathPx / durationMs) * 1000 >= thresholds.minSpeedPxPerS;
    if (!thrashing) return episode ? [...done, ...close()] : done;
    if (!episode) {
      episode = {
        firstEventId: first.eventId,
        context,
        startMs: first.t,
        endMs: t,
        pathPx,
        reversals,
        eventIds: new Set(points.slice(head).map((p) => p.eventId)),
      };
    } else {
      episode.endMs = t;
      episode.pathPx += point.segmentPx;
      if (point.reversal) episode.reversals++;
      episode.eventIds.add(eventId);
    }
    return done;
  }

  return {
    handle(event: Event, context: EventContext): Insight[] {
      const timestampMs = Number(event.timestampMs);
      if (event.kind.case === 'pageView' || event.kind.case === 'routeChange') return reset();
      if (event.kind.case !== 'mouseMoves') return this.flush(timestampMs);
      let done = NONE;
      for (const sample of event.kind.value.samples) {
        const found = sample.buttonPressed
          ? reset()
          : add(timestampMs + sample.offsetMs, sample.pageX, sample.pageY, event.eventId, context);
        if (found.length > 0) done = [...done, ...found];
      }
      return done;
    },
    flush(nowMs: number): Insight[] {
      const last = points.at(-1);
      if (!last) return NONE;
      const rested = nowMs - last.t > (episode ? EPISODE_REST_MS : thresholds.windowMs);
      return rested ? reset() : NONE;
    },
    idle: () => points.length === 0 && !episode,
  };
}

export const thrashedCursor: DetectorDefinition<ThrashedCursorThresholds> = {
  signal: 'thrashed_cursor',
  type: InsightType.THRASHED_CURSOR,
  defaults: THRASHED_CURSOR_DEFAULTS,
  create: createThrashedCursorDetector,
};
