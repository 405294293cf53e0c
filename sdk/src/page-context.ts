import type { PageContextInit } from './encode-batch.ts';
import { pageUrl } from './page-url.ts';

// The page a batch is sent from; a page on the URL blocklist is not named.
export function pageContext(win: Window, blocked: boolean): PageContextInit {
  return {
    url: blocked ? '' : pageUrl(win.location.href),
    referrer: blocked ? '' : win.document.referrer,
    title: blocked ? '' : win.document.title,
    viewportWidth: win.innerWidth,
    viewportHeight: win.innerHeight,
  };
}
