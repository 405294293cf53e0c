import { ViewportClass } from '@gosight/proto/v1/query_pb';

export const DEVICE_CLASSES = {
  desktop: { label: 'Desktop', viewportClass: ViewportClass.DESKTOP },
  tablet: { label: 'Tablet', viewportClass: ViewportClass.TABLET },
  mobile: { label: 'Mobile', viewportClass: ViewportClass.MOBILE },
} as const;
export type DeviceClass = keyof typeof DEVICE_CLASSES;

export const HEATMAP_MODES = {
  click: 'Clicks',
  scroll: 'Scroll depth',
  movement: 'Movement',
} as const;
export type HeatmapMode = keyof typeof HEATMAP_MODES;

export interface HeatmapParams {
  /** Page URL as stored (no fragment); undefined when none was chosen. */
  url: string | undefined;
  device: DeviceClass;
  mode: HeatmapMode;
}

type SearchValue = string | string[] | undefined;

function first(value: SearchValue): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.trim() || undefined;
}

function oneOf<K extends string>(keys: Record<K, unknown>, value: string | undefined, fallback: K): K {
  return value !== undefined && Object.hasOwn(keys, value) ? (value as K) : fallback;
}

/** ?url=&device=&map= of the heatmap page; unknown values fall back to desktop clicks. */
export function parseHeatmapParams(search: Record<string, SearchValue>): HeatmapParams {
  const url = first(search.url)?.replace(/#.*$/, '');
  return {
    url: url || undefined,
    device: oneOf(DEVICE_CLASSES, first(search.device), 'desktop'),
    mode: oneOf(HEATMAP_MODES, first(search.map), 'click'),
  };
}
