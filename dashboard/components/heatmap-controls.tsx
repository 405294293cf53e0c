import type { PageWithData } from '@/lib/api/heatmaps';
import { DEVICE_CLASSES, type DeviceClass, type HeatmapMode } from '@/lib/heatmap-params';
import { RANGES, type RangeKey } from '@/lib/timeline-range';
import styles from './heatmap-controls.module.css';

export interface HeatmapControlsProps {
  pages: PageWithData[];
  url: string | undefined;
  device: DeviceClass;
  range: RangeKey;
  mode: HeatmapMode;
}

/** A plain GET form: the choice lives in the URL, so a heatmap can be shared as a link. */
export function HeatmapControls({ pages, url, device, range, mode }: HeatmapControlsProps) {
  return (
    <form className={styles.controls} method="get" data-testid="heatmap-controls">
      <label className={styles.url}>
        Page URL
        <input
          name="url"
          type="search"
          list="heatmap-pages"
          defaultValue={url ?? ''}
          placeholder="https://example.com/pricing"
          required
        />
        <datalist id="heatmap-pages">
          {pages.map((page) => (
            <option key={page.url} value={page.url}>
              {page.pageViews} view{page.pageViews === 1 ? '' : 's'}, {page.sessions} session
              {page.sessions === 1 ? '' : 's'}
            </option>
          ))}
        </datalist>
      </label>
      <label>
        Device
        <select name="device" defaultValue={device}>
          {(Object.keys(DEVICE_CLASSES) as DeviceClass[]).map((key) => (
            <option key={key} value={key}>
              {DEVICE_CLASSES[key].label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Date range
        <select name="range" defaultValue={range}>
          {(Object.keys(RANGES) as RangeKey[]).map((key) => (
            <option key={key} value={key}>
              {RANGES[key].label}
            </option>
          ))}
        </select>
      </label>
      {/* HeatmapView keeps this in step with its map buttons, so a new choice keeps the map. */}
      <input type="hidden" id="heatmap-map" name="map" defaultValue={mode} />
      <button type="submit" className={styles.submit}>
        Show heatmap
      </button>
    </form>
  );
}
