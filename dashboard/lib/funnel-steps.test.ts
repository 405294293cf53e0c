import { describe, expect, it } from 'vitest';
import { decodeStep, funnelRows, funnelSearch, parseFunnelParams, toFunnelSteps } from './funnel-steps';

describe('decodeStep', () => {
  it.each([
    ['url:/checkout', { kind: 'url', value: '/checkout' }],
    ['click:#add-to-cart', { kind: 'click', value: '#add-to-cart' }],
    ['event:signup: done', { kind: 'event', value: 'signup: done' }],
    ['url:http://shop.test:8080/a', { kind: 'url', value: 'http://shop.test:8080/a' }],
    ['url:', undefined],
    ['page:/x', undefined],
    ['checkout', undefined],
    ['constructor:x', undefined],
  ])('%s', (text, expected) => {
    expect(decodeStep(text)).toEqual(expected);
  });
});

describe('parseFunnelParams', () => {
  it.each([
    [{}, { steps: [], windowMinutes: 60, invalid: [] }],
    [
      { step: ['url:/', 'bad', 'click:#buy'], window: '30' },
      {
        steps: [
          { kind: 'url', value: '/' },
          { kind: 'click', value: '#buy' },
        ],
        windowMinutes: 30,
        invalid: ['bad'],
      },
    ],
    [
      { step: 'event:signup', window: '-2' },
      { steps: [{ kind: 'event', value: 'signup' }], windowMinutes: 60, invalid: [] },
    ],
    [
      { step: Array.from({ length: 12 }, (_, i) => `url:/p${i}`) },
      { steps: expect.any(Array), windowMinutes: 60, invalid: [] },
    ],
  ])('%j', (search, expected) => {
    const parsed = parseFunnelParams(search);
    expect(parsed).toEqual(expected);
    expect(parsed.steps.length).toBeLessThanOrEqual(10);
  });

  it('round-trips through funnelSearch', () => {
    const steps = [
      { kind: 'url', value: 'http://shop.test/' },
      { kind: 'click', value: '#add-to-cart' },
      { kind: 'event', value: '  ' },
    ] as const;
    const search = funnelSearch([...steps], 15, '24h');
    expect(search).toBe(
      'step=url%3Ahttp%3A%2F%2Fshop.test%2F&step=click%3A%23add-to-cart&window=15&range=24h',
    );
    const params = Object.fromEntries(
      ['step', 'window'].map((key) => [key, new URLSearchParams(search).getAll(key)]),
    );
    expect(parseFunnelParams(params).steps).toEqual(steps.slice(0, 2));
  });
});

describe('toFunnelSteps', () => {
  it('names each step and sets the oneof case of its kind', () => {
    expect(
      toFunnelSteps([
        { kind: 'url', value: '/checkout' },
        { kind: 'click', value: '#buy' },
        { kind: 'event', value: 'paid' },
      ]),
    ).toEqual([
      { name: 'Page /checkout', match: { case: 'urlContains', value: '/checkout' } },
      { name: 'Click #buy', match: { case: 'clickSelector', value: '#buy' } },
      { name: 'Event paid', match: { case: 'customEvent', value: 'paid' } },
    ]);
  });
});

describe('funnelRows', () => {
  it('adds the sessions lost at each step', () => {
    const rows = funnelRows({
      steps: [
        { name: 'a', sessions: 10n, conversion: 1, dropOff: 0 },
        { name: 'b', sessions: 4n, conversion: 0.4, dropOff: 0.6 },
        { name: 'c', sessions: 4n, conversion: 0.4, dropOff: 0 },
      ] as never,
    });
    expect(rows).toEqual([
      { name: 'a', sessions: 10, conversion: 1, dropOff: 0, lost: 0 },
      { name: 'b', sessions: 4, conversion: 0.4, dropOff: 0.6, lost: 6 },
      { name: 'c', sessions: 4, conversion: 0.4, dropOff: 0, lost: 0 },
    ]);
  });
});
