// The parts of Document the lookup reads; a real document satisfies it.
export interface ScriptDocument {
  readonly baseURI: string;
  // An HTML <script> has a src; an SVG one does not.
  readonly currentScript: object | null;
  getElementsByTagName(name: 'script'): ArrayLike<{ readonly src: string }>;
}

// The origin sdk.js was loaded from, the snippet's default endpoint.
// document.currentScript is set only while the script's top level runs; when it
// is missing, the <script> whose path ends in /sdk.js is the snippet's.
export function findScriptOrigin(doc: ScriptDocument): string | undefined {
  const current = doc.currentScript;
  if (current && 'src' in current && typeof current.src === 'string' && current.src) {
    return originOf(current.src, doc.baseURI);
  }
  const scripts = doc.getElementsByTagName('script');
  for (let i = 0; i < scripts.length; i++) {
    const src = scripts[i]?.src;
    if (!src) continue;
    const origin = originOf(src, doc.baseURI);
    if (origin && new URL(src, doc.baseURI).pathname.endsWith('/sdk.js')) return origin;
  }
  return undefined;
}

function originOf(src: string, base: string): string | undefined {
  try {
    return new URL(src, base).origin;
  } catch {
    return undefined;
  }
}
