import { InsightType } from '@gosight/proto/v1/insights_pb';
import { describe, expect, it } from 'vitest';
import { buildTimeline, isJumpTarget } from './timeline-markers';

const session = { startedAtMs: 1_000n, endedAtMs: 11_000n };
const event = (eventId: string, type: string, timestampMs: bigint) => ({
  eventId,
  type,
  timestampMs,
  url: 'https://shop.test/',
  selector: type === 'click' ? '#buy' : '',
});
const insight = (insightId: string, type: InsightType, timestampMs: bigint) => ({
  insightId,
  type,
  timestampMs,
  url: 'https://shop.test/',
  selector: '#broken',
  clickCount: type === InsightType.RAGE_CLICK ? 5 : 0,
  errorMessage: type === InsightType.ERROR_CLICK ? 'boom' : '',
});

describe('buildTimeline', () => {
  it.each([
    ['no events', [], [], []],
    [
      'page views and scrolls are not marked',
      [event('a', 'page_view', 1_000n), event('b', 'scroll', 2_000n)],
      [],
      [],
    ],
    [
      'clicks and errors at their offsets',
      [event('c', 'click', 3_500n), event('e', 'js_error', 6_000n)],
      [],
      [
        ['click', 'Click', 2_500, 25, '#buy'],
        ['error', 'JavaScript error', 5_000, 50, 'https://shop.test/'],
      ],
    ],
    [
      'signals sorted in with events',
      [event('c', 'click', 9_000n)],
      [insight('r', InsightType.RAGE_CLICK, 3_000n), insight('x', InsightType.ERROR_CLICK, 11_000n)],
      [
        ['rage_click', 'Rage click (5 clicks)', 2_000, 20, '#broken'],
        ['click', 'Click', 8_000, 80, '#buy'],
        ['error_click', 'Error click', 10_000, 100, '#broken · boom'],
      ],
    ],
    ['unknown signal types are skipped', [], [insight('u', InsightType.UNSPECIFIED, 2_000n)], []],
  ] as const)('%s', (_name, events, insights, expected) => {
    const { markers } = buildTimeline(session, events, insights);
    expect(markers.map((m) => [m.kind, m.label, m.offsetMs, m.percent, m.detail])).toEqual(expected);
  });

  it('widens the span to a marker outside the session bounds', () => {
    const { startMs, endMs, markers } = buildTimeline(session, [event('late', 'click', 21_000n)], []);
    expect([startMs, endMs, markers[0]?.percent]).toEqual([1_000, 21_000, 100]);
  });

  it.each([
    ['click', false],
    ['error', true],
    ['rage_click', true],
    ['thrashed_cursor', true],
  ] as const)('%s is a jump target: %s', (kind, expected) => {
    expect(isJumpTarget(kind)).toBe(expected);
  });
});
