import { ViewportClass } from '@gosight/proto/v1/query_pb';
import { describe, expect, it } from 'vitest';
import { DEVICE_CLASSES, parseHeatmapParams } from './heatmap-params';

describe('parseHeatmapParams', () => {
  it.each([
    [{}, { url: undefined, device: 'desktop', mode: 'click' }],
    [
      { url: 'http://shop.test/', device: 'mobile', map: 'scroll' },
      { url: 'http://shop.test/', device: 'mobile', mode: 'scroll' },
    ],
    [
      { url: ['http://a.test/x#top', 'http://b.test/'], device: 'phone', map: 'heat' },
      { url: 'http://a.test/x', device: 'desktop', mode: 'click' },
    ],
    [
      { url: '  ', device: 'tablet', map: 'movement' },
      { url: undefined, device: 'tablet', mode: 'movement' },
    ],
    [{ device: 'toString' }, { url: undefined, device: 'desktop', mode: 'click' }],
  ])('%j -> %j', (search, expected) => {
    expect(parseHeatmapParams(search)).toEqual(expected);
  });

  it('maps device classes to the API viewport classes', () => {
    expect(DEVICE_CLASSES.mobile.viewportClass).toBe(ViewportClass.MOBILE);
    expect(DEVICE_CLASSES.tablet.viewportClass).toBe(ViewportClass.TABLET);
    expect(DEVICE_CLASSES.desktop.viewportClass).toBe(ViewportClass.DESKTOP);
  });
});
