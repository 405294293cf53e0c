// document.currentScript is null for the snippet's async script once it runs
// from a task, so fall back to the <script> whose path ends in /sdk.js.
export function findScriptOrigin(doc: Document): string | undefined {
  const candidates = [doc.currentScript, ...Array.from(doc.getElementsByTagName('script'))];
  for (const script of candidates) {
    if (!(script instanceof HTMLScriptElement) || !script.src) continue;
    try {
      const url = new URL(script.src, doc.baseURI);
      if (script === doc.currentScript || url.pathname.endsWith('/sdk.js')) return url.origin;
    } catch {}
  }
  return undefined;
}
