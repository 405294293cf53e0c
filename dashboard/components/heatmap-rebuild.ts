import { type RefObject, useEffect, useState } from 'react';
import type { PageSnapshot } from '@/lib/heatmap-snapshot';

/** The page the layers are drawn over: the rebuilt document, or a blank one of the given size. */
export interface RebuiltPage {
  doc: Document | null;
  width: number;
  height: number;
}

// Canvas and iframe heights are capped: browsers refuse canvases much taller than this.
const MAX_HEIGHT = 16_000;

function documentHeight(doc: Document, viewportHeight: number): number {
  const root = doc.documentElement;
  const body = doc.body;
  return Math.min(MAX_HEIGHT, Math.max(viewportHeight, root?.scrollHeight ?? 0, body?.scrollHeight ?? 0));
}

/**
 * Rebuilds the recorded snapshot inside `host` in an iframe sandboxed to
 * exactly "allow-same-origin" (rrweb-snapshot refuses anything else): no
 * recorded script can run, while this page can still read element boxes.
 */
export function useRebuiltPage(
  host: RefObject<HTMLDivElement | null>,
  snapshot: PageSnapshot | null,
  blank: { width: number; height: number },
): { page: RebuiltPage | null; failure: string | null } {
  const [page, setPage] = useState<RebuiltPage | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { width: blankWidth, height: blankHeight } = blank;

  useEffect(() => {
    const root = host.current;
    if (!root) return;
    if (!snapshot) {
      setPage({ doc: null, width: blankWidth, height: blankHeight });
      return;
    }
    let iframe: HTMLIFrameElement | undefined;
    let stopped = false;
    const timers: ReturnType<typeof setTimeout>[] = [];
    import('rrweb-snapshot')
      .then(({ rebuildIntoSandboxedIframe, createCache, createMirror }) => {
        if (stopped) return;
        const built = rebuildIntoSandboxedIframe(snapshot.node, {
          root,
          iframeAttributes: {
            title: 'Recorded page (no scripts run)',
            'data-testid': 'heatmap-frame',
            tabindex: '-1',
            scrolling: 'no',
            width: String(snapshot.width),
            height: String(snapshot.height),
          },
          cache: createCache(),
          mirror: createMirror(),
          hackCss: true,
        });
        iframe = built.iframe;
        const doc = iframe.contentDocument;
        if (!doc) throw new Error('the sandboxed frame has no document');
        const measure = () => {
          if (stopped || !iframe) return;
          // Measured in a frame as tall as the recorded viewport, so the frame's own height does not count.
          iframe.style.height = `${snapshot.height}px`;
          const height = documentHeight(doc, snapshot.height);
          iframe.style.height = '';
          iframe.height = String(height);
          setPage((previous) =>
            previous?.doc === doc && previous.height === height
              ? previous
              : { doc, width: snapshot.width, height },
          );
        };
        measure();
        // Images and fonts arrive later and may make the page taller.
        for (const delay of [300, 1500]) timers.push(setTimeout(measure, delay));
      })
      .catch((err: unknown) => {
        if (stopped) return;
        setFailure(err instanceof Error ? err.message : String(err));
        setPage({ doc: null, width: snapshot.width, height: snapshot.height });
      });
    return () => {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      iframe?.remove();
    };
  }, [host, snapshot, blankWidth, blankHeight]);

  return { page, failure };
}

/** The element's box in document coordinates, or undefined when the selector finds nothing. */
export function elementBox(doc: Document, selector: string) {
  let element: Element | null;
  try {
    element = doc.querySelector(selector);
  } catch {
    return undefined;
  }
  if (!element) return undefined;
  const rect = element.getBoundingClientRect();
  const view = doc.defaultView;
  return {
    left: rect.left + (view?.scrollX ?? 0),
    top: rect.top + (view?.scrollY ?? 0),
    width: rect.width,
    height: rect.height,
  };
}
