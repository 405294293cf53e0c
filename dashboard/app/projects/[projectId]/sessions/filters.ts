import { InsightType } from '@gosight/proto/v1/insights_pb';
import { isRangeKey, type RangeKey } from '../../../../lib/timeline-range';

/** The sessions list's filters, as they appear in the URL. */
export interface SessionFilterParams {
  range: RangeKey;
  url: string;
  user: string;
  device: string;
  browser: string;
  country: string;
  /** A signal name ("rage_click" ...) or empty. */
  signal: SignalName | '';
  error: boolean;
  /** Minimum duration in seconds; 0 means none. */
  minSeconds: number;
  /** Maximum duration in seconds; 0 means none. */
  maxSeconds: number;
  cursor: string;
}

export const SIGNALS = {
  rage_click: { label: 'Rage click', type: InsightType.RAGE_CLICK },
  dead_click: { label: 'Dead click', type: InsightType.DEAD_CLICK },
  error_click: { label: 'Error click', type: InsightType.ERROR_CLICK },
  thrashed_cursor: { label: 'Thrashed cursor', type: InsightType.THRASHED_CURSOR },
} as const;
export type SignalName = keyof typeof SIGNALS;

export const DEVICES = ['desktop', 'mobile', 'tablet'] as const;

type Search = Record<string, string | readonly string[] | undefined>;

function text(search: Search, name: string, max = 200): string {
  const value = search[name];
  return ((Array.isArray(value) ? value[0] : value) ?? '').trim().slice(0, max);
}

export function parseSessionFilters(search: Search): SessionFilterParams {
  const range = text(search, 'range');
  const signal = text(search, 'signal');
  const device = text(search, 'device').toLowerCase();
  const seconds = (name: string) => {
    const value = Number.parseInt(text(search, name), 10);
    return Number.isFinite(value) && value > 0 ? value : 0;
  };
  return {
    range: isRangeKey(range) ? range : '7d',
    url: text(search, 'url'),
    user: text(search, 'user'),
    device: (DEVICES as readonly string[]).includes(device) ? device : '',
    browser: text(search, 'browser', 60),
    country: /^[a-z]{2}$/i.test(text(search, 'country')) ? text(search, 'country').toUpperCase() : '',
    signal: Object.hasOwn(SIGNALS, signal) ? (signal as SignalName) : '',
    error: ['1', 'on', 'true'].includes(text(search, 'error')),
    minSeconds: seconds('min'),
    maxSeconds: seconds('max'),
    cursor: text(search, 'cursor', 500),
  };
}

/** The SessionFilter message fields for these params (the time range is added by the caller). */
export function toSessionFilter(params: SessionFilterParams) {
  return {
    url: params.url,
    userId: params.user,
    device: params.device,
    browser: params.browser,
    country: params.country,
    hasSignal: params.signal ? SIGNALS[params.signal].type : InsightType.UNSPECIFIED,
    hasError: params.error,
    minDurationMs: BigInt(params.minSeconds) * 1000n,
    maxDurationMs: BigInt(params.maxSeconds) * 1000n,
  };
}

/** A query string for these params with some replaced; default values are left out. */
export function toQuery(params: SessionFilterParams, changes: Partial<SessionFilterParams> = {}): string {
  const merged = { ...params, ...changes };
  const query = new URLSearchParams();
  if (merged.range !== '7d') query.set('range', merged.range);
  for (const name of ['url', 'user', 'device', 'browser', 'country', 'signal'] as const) {
    if (merged[name]) query.set(name, merged[name]);
  }
  if (merged.error) query.set('error', '1');
  if (merged.minSeconds > 0) query.set('min', String(merged.minSeconds));
  if (merged.maxSeconds > 0) query.set('max', String(merged.maxSeconds));
  if (merged.cursor) query.set('cursor', merged.cursor);
  const result = query.toString();
  return result ? `?${result}` : '';
}
