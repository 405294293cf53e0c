import { InsightType } from '@gosight/proto/v1/insights_pb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEAD_CLICK_DEFAULTS, deadClick } from './dead-click.ts';
import { click, detect, pageView, resetIds, scroll } from './test-events.ts';

beforeEach(resetIds);

const watched = { observedMs: 1000 };

describe('dead click', () => {
  it.each([
    { name: 'no reaction in the 1 s watched', events: () => [click(0, { reaction: watched })], dead: ['e1'] },
    {
      name: 'a DOM mutation after 600 ms (slow, not dead)',
      events: () => [click(0, { reaction: { ...watched, domMutationMs: 600 } })],
      dead: [],
    },
    {
      name: 'a reaction exactly at 1 s',
      events: () => [click(0, { reaction: { ...watched, domMutationMs: 1000 } })],
      dead: [],
    },
    {
      name: 'a reaction after 1.2 s is too late',
      events: () => [click(0, { reaction: { observedMs: 1500, domMutationMs: 1200 } })],
      dead: ['e1'],
    },
    {
      name: 'navigation',
      events: () => [click(0, { reaction: { ...watched, navigationMs: 50 } })],
      dead: [],
    },
    { name: 'scroll', events: () => [click(0, { reaction: { ...watched, scrollMs: 120 } })], dead: [] },
    {
      name: 'focus change',
      events: () => [click(0, { reaction: { ...watched, focusChangeMs: 0 } })],
      dead: [],
    },
    {
      name: 'selection change',
      events: () => [click(0, { reaction: { ...watched, selectionChangeMs: 10 } })],
      dead: [],
    },
    {
      name: 'a modifier key is held',
      events: () => [click(0, { modifierKey: true, reaction: watched })],
      dead: [],
    },
    {
      name: 'a text field',
      events: () => [click(0, { textField: true, tag: 'input', reaction: watched })],
      dead: [],
    },
    {
      name: 'a non-interactive target',
      events: () => [click(0, { interactive: false, reaction: watched })],
      dead: [],
    },
    {
      name: 'a repeat on the same node within 1 s counts once',
      events: () => [
        click(0, { reaction: watched }),
        click(400, { reaction: watched }),
        click(1300, { reaction: watched }),
      ],
      dead: ['e1'],
    },
    {
      name: 'a click on the same node after more than 1 s counts again',
      events: () => [click(0, { reaction: watched }), click(1001, { reaction: watched })],
      dead: ['e1', 'e2'],
    },
    {
      name: 'a quick click on another node counts',
      events: () => [click(0, { reaction: watched }), click(200, { selector: '#other', reaction: watched })],
      dead: ['e1', 'e2'],
    },
    { name: 'no reaction data (an SDK that does not observe)', events: () => [click(0)], dead: [] },
    {
      name: 'a selection change that came with a double click is no reaction',
      events: () => [
        click(0, { reaction: { ...watched, selectionChangeMs: 260 } }),
        click(250, { reaction: watched }),
      ],
      dead: ['e1'],
    },
    {
      name: 'a selection change well before the next click is a reaction',
      events: () => [
        click(0, { reaction: { ...watched, selectionChangeMs: 30 } }),
        click(600, { reaction: watched }),
      ],
      dead: [],
    },
    {
      name: 'a selection change and no further click is a reaction',
      events: () => [click(0, { reaction: { ...watched, selectionChangeMs: 260 } })],
      dead: [],
    },
    {
      name: 'reported early (page left) and followed by a page view',
      events: () => [click(0, { reaction: { observedMs: 100 } }), pageView(300)],
      dead: [],
    },
    {
      name: 'reported early, then a scroll event within the window',
      events: () => [click(0, { reaction: { observedMs: 100 } }), scroll(900)],
      dead: [],
    },
    {
      name: 'reported early and nothing happens within the window',
      events: () => [click(0, { reaction: { observedMs: 100 } }), scroll(1500)],
      dead: ['e1'],
    },
  ])('$name', ({ events, dead }) => {
    const insights = detect(deadClick.create(DEAD_CLICK_DEFAULTS), events());
    expect(insights.flatMap((insight) => insight.eventIds)).toEqual(dead);
    for (const insight of insights) expect(insight.type).toBe(InsightType.DEAD_CLICK);
  });

  it('counts non-interactive targets when a project asks for it', () => {
    const detector = deadClick.create({ ...DEAD_CLICK_DEFAULTS, interactiveOnly: false });
    expect(detect(detector, [click(0, { interactive: false, reaction: watched })])).toHaveLength(1);
  });

  it('uses an overridden reaction window', () => {
    const detector = deadClick.create({ ...DEAD_CLICK_DEFAULTS, reactionWindowMs: 500 });
    const insights = detect(detector, [click(0, { reaction: { observedMs: 1000, domMutationMs: 700 } })]);
    expect(insights).toMatchObject([
      { selector: '#buy', timestampMs: 0n, endTimestampMs: 500n, clickCount: 1 },
    ]);
  });
});
