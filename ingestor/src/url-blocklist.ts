// A project's URL blocklist (Settings → Privacy): patterns where "*" matches
// any characters and everything else matches itself, against the whole URL.
// The SDK already records nothing on such pages when it is told; this is the
// server's own check, for pages whose SDK was not told (or was old).

const compiled = new WeakMap<readonly string[], RegExp | null>();

function compile(patterns: readonly string[]): RegExp | null {
  const sources = patterns
    .filter((pattern) => pattern.trim() !== '')
    .map((pattern) =>
      pattern
        .trim()
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*'),
    );
  return sources.length > 0 ? new RegExp(`^(?:${sources.join('|')})$`) : null;
}

export function isBlockedUrl(url: string, patterns: readonly string[] | undefined): boolean {
  if (!patterns || patterns.length === 0 || url === '') return false;
  let matcher = compiled.get(patterns);
  if (matcher === undefined) {
    matcher = compile(patterns);
    compiled.set(patterns, matcher);
  }
  return matcher?.test(url) ?? false;
}
