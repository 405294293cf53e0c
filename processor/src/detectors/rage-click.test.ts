import { InsightType } from '@gosight/proto/v1/insights_pb';
import { beforeEach, describe, expect, it } from 'vitest';
import { RAGE_CLICK_DEFAULTS, rageClick } from './rage-click.ts';
import { click, detect, pageView, resetIds } from './test-events.ts';

beforeEach(resetIds);

const at = (
  times: number[],
  position: (i: number) => { pageX: number; pageY: number } = () => ({ pageX: 100, pageY: 100 }),
) => times.map((t, i) => click(t, position(i)));

describe('rage click', () => {
  it.each([
    { name: '5 clicks in 2 s on one spot', events: () => at([0, 300, 600, 900, 1200]), counts: [5] },
    { name: '4 clicks are not enough', events: () => at([0, 300, 600, 900]), counts: [] },
    { name: '5th click exactly at 2 s counts', events: () => at([0, 500, 1000, 1500, 2000]), counts: [5] },
    {
      name: '5th click 1 ms after the window does not',
      events: () => at([0, 500, 1000, 1500, 2001]),
      counts: [],
    },
    {
      name: 'clicks within 30 px of the first count',
      events: () => at([0, 100, 200, 300, 400], (i) => ({ pageX: 100 + (i % 2) * 30, pageY: 100 })),
      counts: [5],
    },
    {
      name: 'one click 31 px away breaks the burst',
      events: () => at([0, 100, 200, 300, 400], (i) => ({ pageX: i === 2 ? 131 : 100, pageY: 100 })),
      counts: [],
    },
    {
      name: 'within 30 px of a neighbour but not of the first does not count',
      events: () => at([0, 100, 200, 300, 400], (i) => ({ pageX: 100 + i * 20, pageY: 100 })),
      counts: [],
    },
    {
      name: 'a burst continues up to the window: 8 clicks, one insight',
      events: () => at([0, 200, 400, 600, 800, 1000, 1200, 1400]),
      counts: [8],
    },
    {
      name: 'a slow click before a burst does not hide it',
      events: () => at([0, 1500, 1700, 1900, 2100, 2300]),
      counts: [5],
    },
    {
      name: 'two bursts far apart are two insights',
      events: () => [...at([0, 100, 200, 300, 400]), ...at([5000, 5100, 5200, 5300, 5400, 5500])],
      counts: [5, 6],
    },
    {
      name: 'a burst split by a page change is not one burst',
      events: () => [
        ...at([0, 100, 200]),
        pageView(250, 'https://shop.example/next'),
        ...at([300, 400]).map((e) => Object.assign(e, { url: 'https://shop.example/next' })),
      ],
      counts: [],
    },
  ])('$name', ({ events, counts }) => {
    const insights = detect(rageClick.create(RAGE_CLICK_DEFAULTS), events());
    expect(insights.map((insight) => insight.clickCount)).toEqual(counts);
  });

  it('describes the burst: first click, end, selector, events, deterministic id', () => {
    const run = () => {
      resetIds();
      return detect(rageClick.create(RAGE_CLICK_DEFAULTS), at([1000, 1100, 1200, 1300, 1400]));
    };
    const [insight] = run();
    expect(insight).toMatchObject({
      type: InsightType.RAGE_CLICK,
      projectId: 'p1',
      sessionId: 's1',
      timestampMs: 1000n,
      endTimestampMs: 1400n,
      url: 'https://shop.example/',
      selector: '#buy',
      pageX: 100,
      clickCount: 5,
      eventIds: ['e1', 'e2', 'e3', 'e4', 'e5'],
    });
    expect(insight?.insightId).toMatch(/^[0-9a-f]{32}$/);
    expect(run()[0]?.insightId).toBe(insight?.insightId);
  });

  it('emits on flush only once the window has passed, and is then idle', () => {
    const detector = rageClick.create(RAGE_CLICK_DEFAULTS);
    for (const event of at([0, 100, 200, 300, 400]))
      detector.handle(event, { projectId: 'p1', sessionId: 's1', url: 'u' });
    expect(detector.flush(2000)).toEqual([]);
    expect(detector.idle()).toBe(false);
    expect(detector.flush(2001)).toHaveLength(1);
    expect(detector.idle()).toBe(true);
  });

  it('honours overridden thresholds', () => {
    const detector = rageClick.create({ minClicks: 3, windowMs: 1000, radiusPx: 30 });
    expect(detect(detector, at([0, 300, 600])).map((i) => i.clickCount)).toEqual([3]);
  });
});
