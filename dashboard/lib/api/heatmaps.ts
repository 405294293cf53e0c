import { createClient } from '@connectrpc/connect';
import { type GetPageSnapshotResponse, HeatmapService } from '@gosight/proto/v1/heatmap_service_pb';
import type { ViewportClass } from '@gosight/proto/v1/query_pb';
import { cache } from 'react';
import {
  type ClickMapData,
  type MovementMapData,
  type ScrollMapData,
  toClickMapData,
  toMovementMapData,
  toScrollMapData,
} from '../heatmap-data';
import { call, transport } from './client';

const heatmaps = createClient(HeatmapService, transport);

export interface HeatmapScope {
  projectId: string;
  url: string;
  viewportClass: ViewportClass;
  fromMs: bigint;
  toMs: bigint;
}

function query(scope: HeatmapScope) {
  return {
    projectId: scope.projectId,
    url: scope.url,
    viewportClass: scope.viewportClass,
    timeRange: { fromMs: scope.fromMs, toMs: scope.toMs },
  };
}

export function getClickMap(scope: HeatmapScope): Promise<ClickMapData> {
  return call('GetClickMap', async (headers) =>
    toClickMapData(await heatmaps.getClickMap({ query: query(scope) }, { headers })),
  );
}

export function getScrollMap(scope: HeatmapScope): Promise<ScrollMapData> {
  return call('GetScrollMap', async (headers) =>
    toScrollMapData(await heatmaps.getScrollMap({ query: query(scope) }, { headers })),
  );
}

export function getMovementMap(scope: HeatmapScope): Promise<MovementMapData> {
  return call('GetMovementMap', async (headers) =>
    toMovementMapData(await heatmaps.getMovementMap({ query: query(scope) }, { headers })),
  );
}

export function getPageSnapshot(scope: HeatmapScope): Promise<GetPageSnapshotResponse> {
  return call('GetPageSnapshot', (headers) => heatmaps.getPageSnapshot({ query: query(scope) }, { headers }));
}

export interface PageWithData {
  url: string;
  pageViews: number;
  sessions: number;
}

/** The pages viewed in the range, most viewed first (HeatmapService.ListPages). */
export const listHeatmapPages = cache(
  (projectId: string, fromMs: bigint, toMs: bigint): Promise<PageWithData[]> =>
    call('ListPages', async (headers) => {
      const { pages } = await heatmaps.listPages(
        { projectId, timeRange: { fromMs, toMs }, limit: 100 },
        { headers },
      );
      return pages.map((page) => ({
        url: page.url,
        pageViews: Number(page.pageViews),
        sessions: Number(page.sessions),
      }));
    }),
);
