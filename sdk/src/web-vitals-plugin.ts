import type { WebVitalName } from '@gosight/proto/v1/events_pb';
import type { GoSightPlugin } from './plugin.ts';

export const WEB_VITALS_PLUGIN_NAME = 'gosight/web-vitals@1';

// WebVitalName values (events.proto), as numbers: the generated enum would
// pull the whole generated module into the page.
const LCP = 1 as WebVitalName;
const CLS = 2 as WebVitalName;
const INP = 3 as WebVitalName;
const FCP = 4 as WebVitalName;
const TTFB = 5 as WebVitalName;

interface LayoutShift extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
}
interface EventTiming extends PerformanceEntry {
  interactionId?: number;
}

// Core Web Vitals with the browser's PerformanceObserver, each reported once
// per page load: TTFB and FCP as soon as known; LCP, CLS (largest session
// window: gaps under 1 s, at most 5 s) and INP (longest interaction) when
// the page is first hidden. Browsers without an entry type skip that metric.
export function webVitalsPlugin(): GoSightPlugin<undefined> {
  return {
    name: WEB_VITALS_PLUGIN_NAME,
    options: undefined,
    observer(emit, win) {
      const perf = win.performance;
      const reported = new Set<WebVitalName>();
      const observers: PerformanceObserver[] = [];
      const report = (name: WebVitalName, value: number | undefined) => {
        if (value === undefined || reported.has(name)) return;
        reported.add(name);
        emit({ case: 'webVital', value: { name, value } }, { activity: false });
      };
      const observe = (type: string, onEntries: (entries: PerformanceEntryList) => void, extra = {}) => {
        try {
          const observer = new PerformanceObserver((list) => onEntries(list.getEntries()));
          observer.observe({ type, buffered: true, ...extra });
          observers.push(observer);
        } catch {}
      };

      const nav = perf.getEntriesByType?.('navigation')[0] as
        | (PerformanceNavigationTiming & { activationStart?: number })
        | undefined;
      if (nav && nav.responseStart > 0)
        report(TTFB, Math.max(0, nav.responseStart - (nav.activationStart ?? 0)));

      observe('paint', (entries) => {
        for (const entry of entries)
          if (entry.name === 'first-contentful-paint') report(FCP, entry.startTime);
      });

      let lcp: number | undefined;
      observe('largest-contentful-paint', (entries) => {
        const last = entries[entries.length - 1];
        if (last) lcp = last.startTime;
      });

      let cls: number | undefined;
      let windowValue = 0;
      let windowStart = 0;
      let windowLast = 0;
      observe('layout-shift', (entries) => {
        for (const entry of entries as LayoutShift[]) {
          if (entry.hadRecentInput) continue;
          if (entry.startTime - windowLast < 1000 && entry.startTime - windowStart < 5000) {
            windowValue += entry.value;
          } else {
            windowValue = entry.value;
            windowStart = entry.startTime;
          }
          windowLast = entry.startTime;
          cls = Math.max(cls ?? 0, windowValue);
        }
      });

      let inp: number | undefined;
      const onInteraction = (entries: PerformanceEntryList) => {
        for (const entry of entries as EventTiming[]) {
          if (entry.interactionId) inp = Math.max(inp ?? 0, entry.duration);
        }
      };
      observe('event', onInteraction, { durationThreshold: 40 });
      observe('first-input', onInteraction);

      const final = () => {
        report(LCP, lcp);
        report(CLS, cls ?? (reported.has(FCP) ? 0 : undefined));
        report(INP, inp);
      };
      const onVisibility = () => {
        if (win.document.visibilityState === 'hidden') final();
      };
      win.document.addEventListener('visibilitychange', onVisibility);
      win.addEventListener('pagehide', final);
      return () => {
        for (const observer of observers) observer.disconnect();
        win.document.removeEventListener('visibilitychange', onVisibility);
        win.removeEventListener('pagehide', final);
      };
    },
  };
}
