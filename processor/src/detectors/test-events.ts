import { create, type MessageInitShape } from '@bufbuild/protobuf';
import { type ClickSchema, type Event, EventSchema, JsErrorKind } from '@gosight/proto/v1/events_pb';
import type { Insight } from '@gosight/proto/v1/insights_pb';
import type { EventContext, SessionDetector } from './types.ts';

// Builders for the detectors' table tests: times in ms from 0, ids e1, e2 ...

export const CONTEXT: EventContext = { projectId: 'p1', sessionId: 's1', url: 'https://shop.example/' };

type ClickInit = MessageInitShape<typeof ClickSchema>;
let counter = 0;
const nextId = () => `e${++counter}`;
export function resetIds(): void {
  counter = 0;
}

export function click(atMs: number, init: ClickInit = {}): Event {
  return create(EventSchema, {
    eventId: nextId(),
    timestampMs: BigInt(atMs),
    kind: {
      case: 'click',
      value: {
        pageX: 100,
        pageY: 100,
        selector: '#buy',
        tag: 'button',
        interactive: true,
        pointerType: 'mouse',
        ...init,
      },
    },
  });
}

export function jsError(atMs: number, message = 'boom', url = ''): Event {
  return create(EventSchema, {
    eventId: nextId(),
    timestampMs: BigInt(atMs),
    url,
    kind: { case: 'jsError', value: { kind: JsErrorKind.ERROR, message } },
  });
}

export function pageView(atMs: number, url = CONTEXT.url): Event {
  return create(EventSchema, {
    eventId: nextId(),
    timestampMs: BigInt(atMs),
    url,
    kind: { case: 'pageView', value: { url } },
  });
}

export function scroll(atMs: number): Event {
  return create(EventSchema, {
    eventId: nextId(),
    timestampMs: BigInt(atMs),
    kind: { case: 'scroll', value: { depthPx: 900 } },
  });
}

// One MouseMoves event holding the given points [offsetMs, x, y, pressed?].
export function mouseMoves(atMs: number, points: [number, number, number, boolean?][]): Event {
  return create(EventSchema, {
    eventId: nextId(),
    timestampMs: BigInt(atMs),
    kind: {
      case: 'mouseMoves',
      value: {
        samples: points.map(([offsetMs, pageX, pageY, buttonPressed]) => ({
          offsetMs,
          pageX,
          pageY,
          buttonPressed: buttonPressed ?? false,
        })),
      },
    },
  });
}

// Runs a stream through a detector (events, then a final flush far in the future).
export function detect(detector: SessionDetector, events: Event[], flushAtMs = 1e12): Insight[] {
  const insights: Insight[] = [];
  for (const event of events)
    insights.push(...detector.handle(event, { ...CONTEXT, url: event.url || CONTEXT.url }));
  insights.push(...detector.flush(flushAtMs));
  return insights;
}

// A path of `count` samples every `everyMs`, alternating between two points
// `amplitudePx` apart horizontally (a back-and-forth shake), starting at offset 0.
export function shake(
  count: number,
  everyMs: number,
  amplitudePx: number,
  dy = 0,
): [number, number, number][] {
  return Array.from(
    { length: count },
    (_, i) => [i * everyMs, 300 + (i % 2) * amplitudePx, 300 + i * dy] as [number, number, number],
  );
}
