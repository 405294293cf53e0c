import { InsightType } from '@gosight/proto/v1/insights_pb';
import { describe, expect, it } from 'vitest';
import { parseSessionFilters, toQuery, toSessionFilter } from './filters';

const defaults = parseSessionFilters({});

describe('parseSessionFilters', () => {
  it.each([
    ['nothing', {}, {}],
    ['a range', { range: '24h' }, { range: '24h' }],
    ['an unknown range', { range: '1y' }, {}],
    ['trimmed text', { url: ' /checkout ', user: 'u-1' }, { url: '/checkout', user: 'u-1' }],
    ['a device', { device: 'Mobile' }, { device: 'mobile' }],
    ['an unknown device', { device: 'fridge' }, {}],
    ['a country', { country: 'de' }, { country: 'DE' }],
    ['not a country', { country: 'Germany' }, {}],
    ['a signal', { signal: 'rage_click' }, { signal: 'rage_click' }],
    ['an unknown signal', { signal: 'sad_click' }, {}],
    ['has error', { error: '1' }, { error: true }],
    ['a checkbox', { error: 'on' }, { error: true }],
    ['a minimum duration', { min: '30' }, { minSeconds: 30 }],
    ['a negative duration', { min: '-3' }, {}],
    ['a maximum duration', { max: '120' }, { maxSeconds: 120 }],
    ['a duration that is not a number', { max: 'long' }, {}],
    ['repeated values take the first', { url: ['/a', '/b'] }, { url: '/a' }],
  ] as const)('%s', (_name, search, changes) => {
    expect(parseSessionFilters(search)).toEqual({ ...defaults, ...changes });
  });
});

describe('toSessionFilter', () => {
  it('maps params to the request filter', () => {
    const params = parseSessionFilters({
      signal: 'dead_click',
      error: '1',
      min: '5',
      max: '60',
      country: 'fr',
    });
    expect(toSessionFilter(params)).toMatchObject({
      hasSignal: InsightType.DEAD_CLICK,
      hasError: true,
      minDurationMs: 5000n,
      maxDurationMs: 60000n,
      country: 'FR',
    });
    expect(toSessionFilter(defaults).hasSignal).toBe(InsightType.UNSPECIFIED);
  });
});

describe('toQuery', () => {
  it.each([
    ['defaults', {}, {}, ''],
    [
      'filters round-trip',
      { range: '30d', url: '/c', error: '1', signal: 'rage_click' },
      {},
      '?range=30d&url=%2Fc&signal=rage_click&error=1',
    ],
    ['a next page keeps the filters', { error: '1' }, { cursor: 'abc' }, '?error=1&cursor=abc'],
    ['a duration range', { min: '10', max: '90' }, {}, '?min=10&max=90'],
  ] as const)('%s', (_name, search, changes, expected) => {
    expect(toQuery(parseSessionFilters(search), changes)).toBe(expected);
  });
});
