import { describe, expect, it } from 'vitest';
import { heatColor, heatLookup } from './heatmap-palette';
import {
  clickPoints,
  clickRows,
  formatShare,
  movementPoints,
  normalise,
  scrollBands,
} from './heatmap-points';

describe('clickPoints', () => {
  const box = { left: 100, top: 200, width: 50, height: 20 };
  it.each([
    [[], 10, []],
    [[{ x: 0, y: 0, clicks: 3 }], 10, [{ x: 102.5, y: 201, weight: 3 }]],
    [
      [
        { x: 9, y: 9, clicks: 1 },
        { x: 1, y: 0, clicks: 2 },
      ],
      10,
      [
        { x: 147.5, y: 219, weight: 1 },
        { x: 107.5, y: 201, weight: 2 },
      ],
    ],
    [[{ x: 0, y: 0, clicks: 5 }], 1, [{ x: 125, y: 210, weight: 5 }]],
  ])('cells %j on a %i grid', (cells, grid, expected) => {
    expect(clickPoints({ selector: '#a', clicks: 0, sessions: 0, cells }, grid, box)).toEqual(expected);
  });
});

describe('movementPoints and normalise', () => {
  it.each([
    [{ cellPx: 20, samples: 0, cells: [] }, []],
    [
      {
        cellPx: 20,
        samples: 6,
        cells: [
          { x: 0, y: 0, samples: 2 },
          { x: 3, y: 1, samples: 4 },
        ],
      },
      [
        { x: 10, y: 10, weight: 0.5 },
        { x: 70, y: 30, weight: 1 },
      ],
    ],
  ])('%j', (map, expected) => {
    expect(normalise(movementPoints(map))).toEqual(expected);
  });
});

describe('scrollBands', () => {
  it('gives each 5 % band the share of page views that reached it', () => {
    const reached = [4, 4, 3, 3, 2, ...Array<number>(16).fill(1)];
    const bands = scrollBands({ pageViews: 4, reached });
    expect(bands).toHaveLength(20);
    expect(bands[0]).toEqual({ fromPercent: 0, toPercent: 5, views: 4, share: 1 });
    expect(bands[2]).toEqual({ fromPercent: 10, toPercent: 15, views: 3, share: 0.75 });
    expect(bands[19]).toEqual({ fromPercent: 95, toPercent: 100, views: 1, share: 0.25 });
  });
  it('is all zero without page views', () => {
    expect(scrollBands({ pageViews: 0, reached: [] }).every((band) => band.share === 0)).toBe(true);
  });
});

describe('clickRows and formatShare', () => {
  it('shares clicks of the page total', () => {
    const rows = clickRows({
      grid: 10,
      total: 7,
      elements: [
        { selector: '#broken', clicks: 5, sessions: 1, cells: [] },
        { selector: '#add-to-cart', clicks: 2, sessions: 1, cells: [] },
      ],
    });
    expect(rows.map((row) => [row.selector, row.clicks, formatShare(row.share)])).toEqual([
      ['#broken', 5, '71 %'],
      ['#add-to-cart', 2, '29 %'],
    ]);
  });
  it.each([
    [0, '0 %'],
    [0.035, '3.5 %'],
    [0.1, '10 %'],
    [1, '100 %'],
  ])('%d -> %s', (share, expected) => {
    expect(formatShare(share)).toBe(expected);
  });
});

describe('heatColor', () => {
  it.each([
    [0, [0, 0, 255, 0]],
    [-1, [0, 0, 255, 0]],
    [0.5, [0, 220, 0, 170]],
    [1, [255, 0, 0, 220]],
    [2, [255, 0, 0, 220]],
    [Number.NaN, [0, 0, 255, 0]],
    [0.875, [255, 110, 0, 210]],
  ])('%d -> %j', (intensity, expected) => {
    expect(heatColor(intensity)).toEqual(expected);
  });
  it('builds a 256-entry lookup table', () => {
    const table = heatLookup();
    expect(table).toHaveLength(1024);
    expect([...table.slice(1020)]).toEqual([255, 0, 0, 220]);
  });
});
