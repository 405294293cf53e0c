import type {
  GetClickMapResponse,
  GetMovementMapResponse,
  GetScrollMapResponse,
} from '@gosight/proto/v1/heatmap_service_pb';

// Plain-number copies of the heatmap responses: what the server page hands to
// the client overlay (no bigints, no protobuf message types).

export interface ClickCellData {
  x: number;
  y: number;
  clicks: number;
}

export interface ClickElementData {
  selector: string;
  clicks: number;
  sessions: number;
  cells: ClickCellData[];
}

export interface ClickMapData {
  grid: number;
  total: number;
  elements: ClickElementData[];
}

export interface ScrollMapData {
  pageViews: number;
  /** reached[i]: sessions whose deepest point reached at least 5 * i percent of the page (21 values). */
  reached: number[];
}

export interface MovementMapData {
  cellPx: number;
  samples: number;
  cells: { x: number; y: number; samples: number }[];
}

export function toClickMapData(response: GetClickMapResponse): ClickMapData {
  return {
    grid: response.grid || 10,
    total: Number(response.totalClicks),
    elements: response.elements.map((element) => ({
      selector: element.selector,
      clicks: Number(element.clicks),
      sessions: Number(element.sessions),
      cells: element.cells.map((cell) => ({ x: cell.x, y: cell.y, clicks: Number(cell.clicks) })),
    })),
  };
}

export function toScrollMapData(response: GetScrollMapResponse): ScrollMapData {
  return { pageViews: Number(response.pageViews), reached: response.reached.map(Number) };
}

export function toMovementMapData(response: GetMovementMapResponse): MovementMapData {
  return {
    cellPx: response.cellPx || 20,
    samples: Number(response.samples),
    cells: response.cells.map((cell) => ({ x: cell.x, y: cell.y, samples: Number(cell.samples) })),
  };
}
