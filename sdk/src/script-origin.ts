// The parts of Document the lookup reads; a real document satisfies it.
export interface ScriptDocument {
  readonly baseURI: string;
  // An HTML <script> has a src; an SVG one does not.
  readonly currentScript: object | null;
  getElementsByTagName(name: 'script'): ArrayLike<{ readonly src: string }>;
}

// The absolute URL sdk.js was loaded from: the snippet's default endpoint is
// its origin, and sdk-replay.js sits next to it. document.currentScript is
// set only while the script's top level runs; when it is missing, the
// <script> whose path ends in /sdk.js is the snippet's.
export function findScriptUrl(doc: ScriptDocument): URL | undefined {
  const current = doc.currentScript;
  if (current && 'src' in current && typeof current.src === 'string' && current.src) {
    return urlOf(current.src, doc.baseURI);
  }
  const scripts = doc.getElementsByTagName('script');
  for (let i = 0; i < scripts.length; i++) {
    const src = scripts[i]?.src;
    const url = src ? urlOf(src, doc.baseURI) : undefined;
    if (url?.pathname.endsWith('/sdk.js')) return url;
  }
  return undefined;
}

export function findScriptOrigin(doc: ScriptDocument): string | undefined {
  return findScriptUrl(doc)?.origin;
}

function urlOf(src: string, base: string): URL | undefined {
  try {
    return new URL(src, base);
  } catch {
    return undefined;
  }
}
