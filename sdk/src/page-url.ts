// URLs are sent without their fragment (PageContext.url); a hash change alone
// is not a page view.
export function pageUrl(href: string): string {
  const hash = href.indexOf('#');
  return hash === -1 ? href : href.slice(0, hash);
}
