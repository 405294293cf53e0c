import { Code, ConnectError, type ServiceImpl } from '@connectrpc/connect';
import type { ClickHouseClient } from '@gosight/common/clickhouse';
import type { HeatmapQuery, HeatmapService } from '@gosight/proto/v1/heatmap_service_pb';
import type { Access } from '../auth/access.ts';
import type { Permission } from '../auth/roles.ts';
import {
  type HeatmapScope,
  queryClickMap,
  queryMovementCells,
  queryScrollDepths,
  querySnapshotChunk,
} from '../queries/heatmap-queries.ts';
import { queryPageViews } from '../queries/page-queries.ts';
import { limitFrom, resolveRange } from '../queries/query-helpers.ts';
import { snapshotEvents } from './snapshot-events.ts';

export function createHeatmapService(
  clickhouse: ClickHouseClient,
  access: Access,
): ServiceImpl<typeof HeatmapService> {
  async function scope(
    query: HeatmapQuery | undefined,
    context: Parameters<Access['project']>[0],
    permission: Permission,
  ): Promise<HeatmapScope> {
    await access.project(context, query?.projectId ?? '', permission);
    if (!query?.url) throw new ConnectError('query.url is required', Code.InvalidArgument);
    return {
      projectId: query.projectId,
      url: query.url,
      viewportClass: query.viewportClass,
      range: resolveRange(query.timeRange),
    };
  }

  return {
    async getClickMap(request, context) {
      const where = await scope(request.query, context, 'analytics.read');
      const grid = limitFrom(request.grid, 10, 50);
      const elements = await queryClickMap(
        clickhouse,
        where,
        grid,
        limitFrom(request.maxElements, 200, 1000),
      );
      return {
        grid,
        totalClicks: elements.reduce((sum, element) => sum + BigInt(element.clicks), 0n),
        elements: elements.map((element) => ({
          selector: element.selector,
          clicks: BigInt(element.clicks),
          sessions: BigInt(element.sessions),
          cells: element.cells[0].map((index, i) => ({
            x: index % grid,
            y: Math.floor(index / grid),
            clicks: BigInt(element.cells[1][i] ?? 0),
          })),
        })),
      };
    },

    async getScrollMap(request, context) {
      const where = await scope(request.query, context, 'analytics.read');
      const steps = await queryScrollDepths(clickhouse, where);
      const reached = new Array<bigint>(21).fill(0n);
      for (const row of steps)
        for (let i = 0; i <= Math.min(row.step, 20); i++) reached[i]! += BigInt(row.views);
      return { pageViews: reached[0], reached };
    },

    async getMovementMap(request, context) {
      const where = await scope(request.query, context, 'analytics.read');
      const cellPx = request.cellPx || 20;
      const cells = await queryMovementCells(clickhouse, where, cellPx);
      return {
        cellPx,
        cells: cells.map((cell) => ({ x: cell.x, y: cell.y, samples: BigInt(cell.samples) })),
        samples: cells.reduce((sum, cell) => sum + BigInt(cell.samples), 0n),
      };
    },

    async getPageSnapshot(request, context) {
      const where = await scope(request.query, context, 'content.read');
      const chunk = await querySnapshotChunk(clickhouse, where);
      const events = chunk && snapshotEvents(chunk.events_json);
      if (!chunk || !events) return { found: false };
      return {
        found: true,
        sessionId: chunk.session_id,
        timestampMs: BigInt(chunk.first_timestamp_ms),
        eventsJson: events,
      };
    },

    async listPages(request, context) {
      await access.project(context, request.projectId, 'analytics.read');
      const pages = await queryPageViews(
        clickhouse,
        request.projectId,
        resolveRange(request.timeRange),
        request.viewportClass,
        limitFrom(request.limit, 50, 500),
      );
      return {
        pages: pages.map((page) => ({
          url: page.url,
          pageViews: BigInt(page.page_views),
          sessions: BigInt(page.sessions),
        })),
      };
    },
  };
}
