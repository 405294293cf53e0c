import type { MessageInitShape } from '@bufbuild/protobuf';
import type { MouseSampleSchema } from '@gosight/proto/v1/events_pb';
import type { GoSightPlugin } from './plugin.ts';

export interface MouseMovesOptions {
  // At most one sample per interval.
  sampleIntervalMs: number;
  // A MouseMoves event is emitted maxSpanMs after its first sample, when it
  // holds maxSamples, and when the page is hidden.
  maxSpanMs: number;
  maxSamples: number;
}

export const MOUSE_MOVES_PLUGIN_NAME = 'gosight/mouse-moves@1';

type Sample = MessageInitShape<typeof MouseSampleSchema>;

// Pointer position samples in page coordinates, for thrashed-cursor detection
// and movement heatmaps; the detector needs them with replay off too.
export function mouseMovesPlugin(options: MouseMovesOptions): GoSightPlugin<MouseMovesOptions> {
  return {
    name: MOUSE_MOVES_PLUGIN_NAME,
    options,
    observer(emit, win, { sampleIntervalMs, maxSpanMs, maxSamples }) {
      let samples: Sample[] = [];
      let firstMs = 0;
      let lastSampleMs = Number.NEGATIVE_INFINITY;
      let timer: ReturnType<typeof setTimeout> | undefined;

      const emitSamples = () => {
        clearTimeout(timer);
        timer = undefined;
        if (samples.length === 0) return;
        emit({ case: 'mouseMoves', value: { samples } }, { timestampMs: firstMs });
        samples = [];
      };
      const onMove = (event: MouseEvent) => {
        const now = Date.now();
        if (now - lastSampleMs < sampleIntervalMs) return;
        lastSampleMs = now;
        if (samples.length === 0) {
          firstMs = now;
          timer = setTimeout(emitSamples, maxSpanMs);
        }
        samples.push({
          offsetMs: now - firstMs,
          pageX: event.pageX,
          pageY: event.pageY,
          buttonPressed: event.buttons !== 0,
        });
        if (samples.length >= maxSamples) emitSamples();
      };
      const onHide = () => {
        if (win.document.visibilityState === 'hidden') emitSamples();
      };
      win.addEventListener('mousemove', onMove, { capture: true, passive: true });
      win.addEventListener('pagehide', emitSamples);
      win.document.addEventListener('visibilitychange', onHide);
      return () => {
        win.removeEventListener('mousemove', onMove, true);
        win.removeEventListener('pagehide', emitSamples);
        win.document.removeEventListener('visibilitychange', onHide);
        emitSamples();
      };
    },
  };
}
