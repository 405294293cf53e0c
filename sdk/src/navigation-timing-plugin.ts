import type { GoSightPlugin } from './plugin.ts';

export const NAVIGATION_TIMING_PLUGIN_NAME = 'gosight/navigation-timing@1';

// The page load's timings from the Navigation Timing API, once the load event
// has finished (loadEventEnd is set only after its handlers ran).
export function navigationTimingPlugin(): GoSightPlugin<undefined> {
  return {
    name: NAVIGATION_TIMING_PLUGIN_NAME,
    options: undefined,
    observer(emit, win) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const report = () => {
        timer = undefined;
        const nav = win.performance.getEntriesByType?.('navigation')[0] as
          | PerformanceNavigationTiming
          | undefined;
        if (!nav) return;
        const ms = (value: number) => Math.max(0, Math.round(value));
        emit(
          {
            case: 'navigationTiming',
            value: {
              dnsMs: ms(nav.domainLookupEnd - nav.domainLookupStart),
              connectMs: ms(nav.connectEnd - nav.connectStart),
              ttfbMs: ms(nav.responseStart),
              domContentLoadedMs: ms(nav.domContentLoadedEventEnd),
              loadMs: ms(nav.loadEventEnd),
              transferSize: ms(nav.transferSize ?? 0),
            },
          },
          { activity: false },
        );
      };
      const onLoad = () => {
        timer = setTimeout(report, 0);
      };
      if (win.document.readyState === 'complete') onLoad();
      else win.addEventListener('load', onLoad, { once: true });
      return () => {
        clearTimeout(timer);
        win.removeEventListener('load', onLoad);
      };
    },
  };
}
