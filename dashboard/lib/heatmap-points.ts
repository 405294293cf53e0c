import type { ClickElementData, ClickMapData, MovementMapData, ScrollMapData } from './heatmap-data';

/** A box in document coordinates (CSS pixels from the page's top left). */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** One spot of intensity; weight is relative, 1 for the hottest spot of a layer. */
export interface HeatPoint {
  x: number;
  y: number;
  weight: number;
}

/** Centres of an element's non-empty grid cells, placed inside its box, weighted by clicks. */
export function clickPoints(element: ClickElementData, grid: number, box: Box): HeatPoint[] {
  return element.cells.map((cell) => ({
    x: box.left + ((cell.x + 0.5) / grid) * box.width,
    y: box.top + ((cell.y + 0.5) / grid) * box.height,
    weight: cell.clicks,
  }));
}

/** Centres of the movement grid's cells, weighted by samples. */
export function movementPoints(map: MovementMapData): HeatPoint[] {
  return map.cells.map((cell) => ({
    x: (cell.x + 0.5) * map.cellPx,
    y: (cell.y + 0.5) * map.cellPx,
    weight: cell.samples,
  }));
}

/** Scales weights so that the largest is 1. */
export function normalise(points: HeatPoint[]): HeatPoint[] {
  const max = points.reduce((top, point) => Math.max(top, point.weight), 0);
  if (max <= 0) return [];
  return points.map((point) => ({ ...point, weight: point.weight / max }));
}

export interface ScrollBand {
  fromPercent: number;
  toPercent: number;
  /** Page views that scrolled at least to the top of the band. */
  views: number;
  /** views / page views, 0 to 1. */
  share: number;
}

/** Twenty 5 % bands from the top of the page down; a band's share is the visitors who reached it. */
export function scrollBands(map: ScrollMapData): ScrollBand[] {
  return Array.from({ length: 20 }, (_, i) => {
    const views = map.reached[i] ?? 0;
    return {
      fromPercent: i * 5,
      toPercent: (i + 1) * 5,
      views,
      share: map.pageViews > 0 ? views / map.pageViews : 0,
    };
  });
}

export interface ClickRow {
  selector: string;
  clicks: number;
  sessions: number;
  /** clicks / all clicks on the page, 0 to 1. */
  share: number;
}

export function clickRows(map: ClickMapData): ClickRow[] {
  return map.elements.map((element) => ({
    selector: element.selector,
    clicks: element.clicks,
    sessions: element.sessions,
    share: map.total > 0 ? element.clicks / map.total : 0,
  }));
}

/** "42 %", "3.5 %", "0 %". */
export function formatShare(share: number): string {
  const percent = share * 100;
  if (percent === 0 || percent >= 10) return `${Math.round(percent)} %`;
  return `${percent.toFixed(1)} %`;
}
