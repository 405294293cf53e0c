import { create } from '@bufbuild/protobuf';
import { type PageContext, PageContextSchema } from '@gosight/proto/v1/events_pb';
import { pageUrl } from './page-url.ts';

export function pageContext(win: Window): PageContext {
  return create(PageContextSchema, {
    url: pageUrl(win.location.href),
    referrer: win.document.referrer,
    title: win.document.title,
    viewportWidth: win.innerWidth,
    viewportHeight: win.innerHeight,
  });
}
