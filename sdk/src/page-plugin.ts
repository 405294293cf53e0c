import type { MessageInitShape } from '@bufbuild/protobuf';
import type { UtmParametersSchema } from '@gosight/proto/v1/events_pb';
import { documentHeight } from './click-facts.ts';
import { onHistoryChange } from './history-hook.ts';
import { pageUrl } from './page-url.ts';
import type { GoSightPlugin } from './plugin.ts';

export interface PagePluginOptions {
  // Pages on the URL blocklist: nothing about them is emitted, and their URL
  // is left out of the neighbours' route changes and referrers.
  blocked: (url: string) => boolean;
  // A Scroll event is emitted when the deepest point grows by this many
  // percentage points of the document height.
  scrollStepPercent: number;
}

export const PAGE_PLUGIN_NAME = 'gosight/page@1';
const SCROLL_THROTTLE_MS = 200;
const UTM_FIELDS = ['source', 'medium', 'campaign', 'term', 'content'] as const;

// The page's life: a PageView on load and after every single-page navigation
// (history.pushState, replaceState, popstate) that changes the URL, with a
// RouteChange between them; Scroll as the deepest point grows; PageLeave with
// dwell time and depth on pagehide and before each route change.
export function pagePlugin(options: PagePluginOptions): GoSightPlugin<PagePluginOptions> {
  return {
    name: PAGE_PLUGIN_NAME,
    options,
    observer(emit, win, { blocked, scrollStepPercent }) {
      const doc = win.document;
      let url = pageUrl(win.location.href);
      let referrer = doc.referrer;
      let viewStartMs = 0;
      let maxDepthPx = 0;
      let reportedPercent = 0;
      let left = false;

      const depth = () => {
        const height = documentHeight(doc);
        const px = Math.min(height, Math.round(win.scrollY + win.innerHeight));
        return { px, height, percent: height > 0 ? Math.min(100, Math.round((px * 100) / height)) : 0 };
      };
      const view = () => {
        viewStartMs = Date.now();
        left = false;
        const d = depth();
        maxDepthPx = d.px;
        reportedPercent = d.percent;
        if (blocked(url)) return;
        emit({
          case: 'pageView',
          value: { url, referrer: blocked(referrer) ? '' : referrer, title: doc.title, utm: utmOf(url) },
        });
      };
      const leave = () => {
        if (left) return;
        left = true;
        if (blocked(url)) return;
        const d = depth();
        const px = Math.max(maxDepthPx, d.px);
        emit(
          {
            case: 'pageLeave',
            value: {
              url,
              dwellMs: Math.max(0, Date.now() - viewStartMs),
              maxScrollDepthPx: px,
              maxScrollDepthPercent: d.height > 0 ? Math.min(100, Math.round((px * 100) / d.height)) : 0,
              documentHeight: d.height,
            },
          },
          { activity: false },
        );
      };
      const onRoute = () => {
        const next = pageUrl(win.location.href);
        if (next === url) return;
        leave();
        if (!blocked(url) || !blocked(next)) {
          emit({
            case: 'routeChange',
            value: { fromUrl: blocked(url) ? '' : url, toUrl: blocked(next) ? '' : next, title: doc.title },
          });
        }
        referrer = url;
        url = next;
        view();
      };

      let scrollTimer: ReturnType<typeof setTimeout> | undefined;
      const measureScroll = () => {
        scrollTimer = undefined;
        const d = depth();
        if (d.px <= maxDepthPx) return;
        maxDepthPx = d.px;
        if (d.percent - reportedPercent < scrollStepPercent || blocked(url)) return;
        reportedPercent = d.percent;
        emit({ case: 'scroll', value: { depthPx: d.px, depthPercent: d.percent, documentHeight: d.height } });
      };
      const onScroll = () => {
        scrollTimer ??= setTimeout(measureScroll, SCROLL_THROTTLE_MS);
      };
      // Back from the back-forward cache: the page is shown again.
      const onPageShow = (event: PageTransitionEvent) => {
        if (event.persisted) view();
      };

      view();
      const unhook = onHistoryChange(win, onRoute);
      win.addEventListener('popstate', onRoute);
      win.addEventListener('scroll', onScroll, { passive: true });
      win.addEventListener('pagehide', leave);
      win.addEventListener('pageshow', onPageShow);
      return () => {
        unhook();
        clearTimeout(scrollTimer);
        win.removeEventListener('popstate', onRoute);
        win.removeEventListener('scroll', onScroll);
        win.removeEventListener('pagehide', leave);
        win.removeEventListener('pageshow', onPageShow);
      };
    },
  };
}

export function utmOf(url: string): MessageInitShape<typeof UtmParametersSchema> | undefined {
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return undefined;
  }
  const utm: Record<string, string> = {};
  let found = false;
  for (const field of UTM_FIELDS) {
    const value = params.get(`utm_${field}`);
    if (value) {
      utm[field] = value;
      found = true;
    }
  }
  return found ? utm : undefined;
}
