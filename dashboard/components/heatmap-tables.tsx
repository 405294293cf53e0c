import type { ClickMapData, MovementMapData, ScrollMapData } from '@/lib/heatmap-data';
import { clickRows, formatShare, scrollBands } from '@/lib/heatmap-points';

export function HeatmapClickTable({ map }: { map: ClickMapData }) {
  if (map.elements.length === 0) {
    return (
      <p className="notice" data-testid="heatmap-clicks-empty">
        No clicks on this page for this device class and date range. Pick another device or a longer range.
      </p>
    );
  }
  return (
    <table className="table" data-testid="heatmap-click-table">
      <caption className="muted">Clicks per element, most clicked first</caption>
      <thead>
        <tr>
          <th scope="col">Element (selector)</th>
          <th scope="col">Clicks</th>
          <th scope="col">Share of clicks</th>
          <th scope="col">Sessions</th>
        </tr>
      </thead>
      <tbody>
        {clickRows(map).map((row) => (
          <tr key={row.selector} data-testid="heatmap-element-row" data-selector={row.selector}>
            <td>
              <code>{row.selector || '(unknown element)'}</code>
            </td>
            <td data-testid="heatmap-element-clicks">{row.clicks}</td>
            <td>{formatShare(row.share)}</td>
            <td>{row.sessions}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function HeatmapScrollTable({ map }: { map: ScrollMapData }) {
  if (map.pageViews === 0) {
    return (
      <p className="notice" data-testid="heatmap-scroll-empty">
        No page views of this page for this device class and date range, so no scroll depth yet.
      </p>
    );
  }
  // Every other 5 % band: 0, 10, ... 90 % of the page height.
  const bands = scrollBands(map).filter((band) => band.fromPercent % 10 === 0);
  return (
    <table className="table" data-testid="heatmap-scroll-table">
      <caption className="muted">Visitors who scrolled at least this far down the page</caption>
      <thead>
        <tr>
          <th scope="col">Depth reached</th>
          <th scope="col">Page views</th>
          <th scope="col">Share of page views</th>
        </tr>
      </thead>
      <tbody>
        {bands.map((band) => (
          <tr key={band.fromPercent} data-testid="heatmap-scroll-row" data-depth={band.fromPercent}>
            <td>{band.fromPercent} %</td>
            <td>{band.views}</td>
            <td>{formatShare(band.share)}</td>
          </tr>
        ))}
        <tr data-testid="heatmap-scroll-row" data-depth={100}>
          <td>100 % (bottom)</td>
          <td>{map.reached[20] ?? 0}</td>
          <td>{formatShare(map.pageViews > 0 ? (map.reached[20] ?? 0) / map.pageViews : 0)}</td>
        </tr>
      </tbody>
    </table>
  );
}

export function HeatmapMovementSummary({ map }: { map: MovementMapData }) {
  if (map.samples === 0) {
    return (
      <p className="notice" data-testid="heatmap-movement-empty">
        No mouse movement recorded on this page for this device class (touch screens have none).
      </p>
    );
  }
  const hottest = map.cells.reduce((top, cell) => (cell.samples > top.samples ? cell : top), map.cells[0]!);
  return (
    <p className="muted" data-testid="heatmap-movement-summary">
      {map.samples} mouse positions in {map.cells.length} cells of {map.cellPx} px; the busiest cell (around x{' '}
      {hottest.x * map.cellPx}, y {hottest.y * map.cellPx}) holds {hottest.samples}.
    </p>
  );
}
