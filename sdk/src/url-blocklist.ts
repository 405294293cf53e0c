export type UrlPattern = string | RegExp;

// A string pattern matches a URL that contains it, `*` standing for any run
// of characters ("/admin/*", "*://*/checkout/*/payment"); a RegExp is tested.
export function createUrlMatcher(patterns: readonly UrlPattern[]): (url: string) => boolean {
  const regexps = patterns.map((pattern) =>
    typeof pattern === 'string' ? new RegExp(pattern.split('*').map(escapeRegExp).join('.*')) : pattern,
  );
  return (url) =>
    regexps.some((regexp) => {
      regexp.lastIndex = 0;
      return regexp.test(url);
    });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
