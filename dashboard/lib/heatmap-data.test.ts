import { create } from '@bufbuild/protobuf';
import {
  GetClickMapResponseSchema,
  GetMovementMapResponseSchema,
  GetScrollMapResponseSchema,
} from '@gosight/proto/v1/heatmap_service_pb';
import { describe, expect, it } from 'vitest';
import { toClickMapData, toMovementMapData, toScrollMapData } from './heatmap-data';

describe('heatmap responses as plain numbers', () => {
  it.each([
    [create(GetClickMapResponseSchema, {}), { grid: 10, total: 0, elements: [] }],
    [
      create(GetClickMapResponseSchema, {
        grid: 4,
        totalClicks: 7n,
        elements: [{ selector: '#broken', clicks: 7n, sessions: 2n, cells: [{ x: 1, y: 3, clicks: 7n }] }],
      }),
      {
        grid: 4,
        total: 7,
        elements: [{ selector: '#broken', clicks: 7, sessions: 2, cells: [{ x: 1, y: 3, clicks: 7 }] }],
      },
    ],
  ])('click map %#', (response, expected) => {
    expect(toClickMapData(response)).toEqual(expected);
  });

  it.each([
    [create(GetScrollMapResponseSchema, {}), { pageViews: 0, reached: [] }],
    [
      create(GetScrollMapResponseSchema, { pageViews: 3n, reached: [3n, 2n] }),
      { pageViews: 3, reached: [3, 2] },
    ],
  ])('scroll map %#', (response, expected) => {
    expect(toScrollMapData(response)).toEqual(expected);
  });

  it.each([
    [create(GetMovementMapResponseSchema, {}), { cellPx: 20, samples: 0, cells: [] }],
    [
      create(GetMovementMapResponseSchema, { cellPx: 10, samples: 5n, cells: [{ x: 2, y: 1, samples: 5n }] }),
      { cellPx: 10, samples: 5, cells: [{ x: 2, y: 1, samples: 5 }] },
    ],
  ])('movement map %#', (response, expected) => {
    expect(toMovementMapData(response)).toEqual(expected);
  });
});
