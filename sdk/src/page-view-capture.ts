import type { MessageInitShape } from '@bufbuild/protobuf';
import type { PageViewSchema } from '@gosight/proto/v1/events_pb';
import { pageUrl } from './page-url.ts';

export type PageViewInit = MessageInitShape<typeof PageViewSchema>;

// Reports the current page, then every SPA navigation (history.pushState,
// replaceState, popstate) that changes the URL. Returns the teardown.
export function capturePageViews(win: Window, onView: (view: PageViewInit) => void): () => void {
  let lastUrl = pageUrl(win.location.href);
  onView({ url: lastUrl, referrer: win.document.referrer, title: win.document.title });

  const check = () => {
    const url = pageUrl(win.location.href);
    if (url === lastUrl) return;
    const referrer = lastUrl;
    lastUrl = url;
    onView({ url, referrer, title: win.document.title });
  };

  const history = win.history;
  const originalPush = history.pushState;
  const originalReplace = history.replaceState;
  const patchedPush: History['pushState'] = function (this: History, ...args) {
    originalPush.apply(this, args);
    check();
  };
  const patchedReplace: History['replaceState'] = function (this: History, ...args) {
    originalReplace.apply(this, args);
    check();
  };
  history.pushState = patchedPush;
  history.replaceState = patchedReplace;
  win.addEventListener('popstate', check);

  return () => {
    win.removeEventListener('popstate', check);
    // Someone may have wrapped ours since; then leave theirs in place.
    if (history.pushState === patchedPush) history.pushState = originalPush;
    if (history.replaceState === patchedReplace) history.replaceState = originalReplace;
  };
}
