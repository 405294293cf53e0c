import { createClient } from '@connectrpc/connect';
import { type GetPageSnapshotResponse, HeatmapService } from '@gosight/proto/v1/heatmap_service_pb';
import type { ViewportClass } from '@gosight/proto/v1/query_pb';
import { SessionService } from '@gosight/proto/v1/session_service_pb';
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
const sessions = createClient(SessionService, transport);

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
  sessions: number;
}

// The API has no "pages with data" query: the entry and exit pages of the
// latest sessions (up to 500) in the range stand in for it, most visited first.
export const listHeatmapPages = cache(
  (projectId: string, fromMs: bigint, toMs: bigint): Promise<PageWithData[]> =>
    call('ListSessions', async (headers) => {
      const { sessions: list } = await sessions.listSessions(
        { projectId, limit: 500, filter: { timeRange: { fromMs, toMs } } },
        { headers },
      );
      const counts = new Map<string, number>();
      for (const session of list) {
        for (const url of new Set([session.entryUrl, session.exitUrl])) {
          if (url) counts.set(url, (counts.get(url) ?? 0) + 1);
        }
      }
      return [...counts]
        .map(([url, count]) => ({ url, sessions: count }))
        .sort((a, b) => b.sessions - a.sessions || a.url.localeCompare(b.url));
    }),
);
