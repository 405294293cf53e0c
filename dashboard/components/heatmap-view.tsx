'use client';

import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import type { ClickMapData, MovementMapData, ScrollMapData } from '@/lib/heatmap-data';
import { type DeviceClass, HEATMAP_MODES, type HeatmapMode } from '@/lib/heatmap-params';
import { clickPoints, type HeatPoint, movementPoints, normalise, scrollBands } from '@/lib/heatmap-points';
import { parseSnapshotEvents } from '@/lib/heatmap-snapshot';
import { drawHeat, drawScroll } from './heatmap-draw';
import { elementBox, type RebuiltPage, useRebuiltPage } from './heatmap-rebuild';
import styles from './heatmap-view.module.css';

const BLANK_WIDTH: Record<DeviceClass, number> = { desktop: 1280, tablet: 820, mobile: 390 };

export interface HeatmapViewProps {
  /** GetPageSnapshot's rrweb events, or null with `snapshotNote` saying why there are none. */
  eventsJson: string | null;
  snapshotNote: string | null;
  device: DeviceClass;
  initialMode: HeatmapMode;
  clicks: ClickMapData;
  scroll: ScrollMapData;
  movement: MovementMapData;
  /** The table shown under the page for each map. */
  tables: Record<HeatmapMode, ReactNode>;
}

export function HeatmapView(props: HeatmapViewProps) {
  const { clicks, scroll, movement } = props;
  const [mode, setMode] = useState(props.initialMode);
  const parsed = useMemo(
    () => (props.eventsJson ? parseSnapshotEvents(props.eventsJson) : null),
    [props.eventsJson],
  );
  const snapshot = parsed?.ok ? parsed.snapshot : null;
  const blankHeight = Math.max(900, ...movement.cells.map((cell) => (cell.y + 2) * movement.cellPx));
  const blank = useMemo(
    () => ({ width: BLANK_WIDTH[props.device], height: blankHeight }),
    [props.device, blankHeight],
  );
  const hostRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const { page, failure } = useRebuiltPage(hostRef, snapshot, blank);
  const [availableWidth, setAvailableWidth] = useState(0);
  const [drawn, setDrawn] = useState<{ mode: HeatmapMode; points: number; unplaced: string[] } | null>(null);

  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    const observer = new ResizeObserver(() => setAvailableWidth(frame.clientWidth));
    observer.observe(frame);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !page) return;
    canvas.width = page.width;
    canvas.height = page.height;
    if (mode === 'scroll') {
      drawScroll(canvas, scrollBands(scroll));
      setDrawn({ mode, points: scroll.pageViews > 0 ? 20 : 0, unplaced: [] });
      return;
    }
    const { points, unplaced } =
      mode === 'click' ? placeClicks(page, clicks) : { points: movementPoints(movement), unplaced: [] };
    drawHeat(canvas, normalise(points), mode === 'click' ? 24 : movement.cellPx * 1.5);
    setDrawn({ mode, points: points.length, unplaced });
  }, [page, mode, clicks, scroll, movement]);

  function choose(next: HeatmapMode) {
    setMode(next);
    const url = new URL(window.location.href);
    url.searchParams.set('map', next);
    window.history.replaceState(null, '', url);
    const formInput = document.getElementById('heatmap-map');
    if (formInput instanceof HTMLInputElement) formInput.value = next;
  }

  const scale = page && availableWidth > 0 ? Math.min(1, availableWidth / page.width) : 1;
  const parseFailure = parsed && !parsed.ok ? parsed.reason : null;
  return (
    <section className={styles.view} aria-label="Heatmap">
      <fieldset className={styles.modes}>
        <legend className={styles.legend}>Map</legend>
        {(Object.keys(HEATMAP_MODES) as HeatmapMode[]).map((key) => (
          <button
            key={key}
            type="button"
            className={styles.mode}
            aria-pressed={mode === key}
            data-testid={`heatmap-mode-${key}`}
            onClick={() => choose(key)}
          >
            {HEATMAP_MODES[key]}
          </button>
        ))}
        <span className="muted" data-testid="heatmap-summary">
          {mode === 'click' && `${clicks.total} clicks on ${clicks.elements.length} elements`}
          {mode === 'scroll' && `${scroll.pageViews} session${scroll.pageViews === 1 ? '' : 's'} measured`}
          {mode === 'movement' && `${movement.samples} mouse positions`}
        </span>
      </fieldset>
      {[props.snapshotNote, parseFailure, failure && `The recorded page could not be rebuilt: ${failure}`]
        .filter(Boolean)
        .map((note) => (
          <div key={note} className="notice" data-testid="heatmap-snapshot-note">
            {note}
          </div>
        ))}
      {drawn?.mode === 'click' && drawn.unplaced.length > 0 ? (
        <div className="notice" data-testid="heatmap-unplaced">
          Not found on this page, so not drawn (see the table): {drawn.unplaced.join(', ')}
        </div>
      ) : null}
      <div
        ref={frameRef}
        className={styles.frame}
        style={{ height: page ? page.height * scale : blank.height / 2 }}
      >
        <div
          className={styles.stage}
          style={{
            width: page?.width ?? blank.width,
            height: page?.height ?? blank.height,
            transform: `scale(${scale})`,
          }}
        >
          <div ref={hostRef} className={styles.host} />
          <canvas
            ref={canvasRef}
            className={styles.layer}
            data-testid="heatmap-layer"
            data-mode={drawn?.mode ?? ''}
            data-points={drawn?.points ?? 0}
            aria-label={`${HEATMAP_MODES[mode]} drawn over the page`}
            role="img"
          />
        </div>
      </div>
      <div data-testid={`heatmap-table-${mode}`}>{props.tables[mode]}</div>
    </section>
  );
}

function placeClicks(page: RebuiltPage, map: ClickMapData): { points: HeatPoint[]; unplaced: string[] } {
  const points: HeatPoint[] = [];
  const unplaced: string[] = [];
  for (const element of map.elements) {
    const box = page.doc ? elementBox(page.doc, element.selector) : undefined;
    if (box && box.width > 0 && box.height > 0) points.push(...clickPoints(element, map.grid, box));
    else unplaced.push(element.selector);
  }
  return { points, unplaced };
}
