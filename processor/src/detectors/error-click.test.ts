import { InsightType } from '@gosight/proto/v1/insights_pb';
import { beforeEach, describe, expect, it } from 'vitest';
import { ERROR_CLICK_DEFAULTS, errorClick } from './error-click.ts';
import { click, detect, jsError, pageView, resetIds } from './test-events.ts';

beforeEach(resetIds);

describe('error click', () => {
  it.each([
    { name: 'an error 200 ms after a click', events: () => [click(0), jsError(200)], pairs: [['e1', 'e2']] },
    { name: 'an error exactly 1 s after', events: () => [click(0), jsError(1000)], pairs: [['e1', 'e2']] },
    { name: 'an error 1.001 s after is unrelated', events: () => [click(0), jsError(1001)], pairs: [] },
    { name: 'an error 5 s after is unrelated', events: () => [click(0), jsError(5000)], pairs: [] },
    { name: 'an error before any click', events: () => [jsError(0), click(100)], pairs: [] },
    {
      name: 'two errors after one click: one insight',
      events: () => [click(0), jsError(100), jsError(200)],
      pairs: [['e1', 'e2']],
    },
    {
      name: 'the error belongs to the latest click',
      events: () => [click(0, { selector: '#a' }), click(300, { selector: '#b' }), jsError(500)],
      pairs: [['e2', 'e3']],
    },
    {
      name: 'each click with its own error',
      events: () => [click(0), jsError(100), click(2000), jsError(2100)],
      pairs: [
        ['e1', 'e2'],
        ['e3', 'e4'],
      ],
    },
    {
      name: 'a page load between click and error',
      events: () => [click(0), pageView(100), jsError(200)],
      pairs: [],
    },
    {
      name: 'an error on another page',
      events: () => [click(0), jsError(200, 'boom', 'https://shop.example/other')],
      pairs: [],
    },
  ])('$name', ({ events, pairs }) => {
    const insights = detect(errorClick.create(ERROR_CLICK_DEFAULTS), events());
    expect(insights.map((insight) => insight.eventIds)).toEqual(pairs);
  });

  it('carries the click and the error message', () => {
    const [insight] = detect(errorClick.create(ERROR_CLICK_DEFAULTS), [
      click(1000, { selector: '#pay', pageX: 40, pageY: 50 }),
      jsError(1300, 'TypeError: cart is undefined'),
    ]);
    expect(insight).toMatchObject({
      type: InsightType.ERROR_CLICK,
      timestampMs: 1000n,
      endTimestampMs: 1300n,
      selector: '#pay',
      pageX: 40,
      pageY: 50,
      errorMessage: 'TypeError: cart is undefined',
    });
  });

  it('uses an overridden window', () => {
    const detector = errorClick.create({ errorWindowMs: 3000 });
    expect(detect(detector, [click(0), jsError(2500)])).toHaveLength(1);
  });
});
