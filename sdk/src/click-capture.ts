import type { MessageInitShape } from '@bufbuild/protobuf';
import type { ClickSchema } from '@gosight/proto/v1/events_pb';
import { clickText } from './click-text.ts';
import { buildSelector } from './selector.ts';

export type ClickInit = MessageInitShape<typeof ClickSchema>;

// Capture phase, so clicks whose handlers stop propagation are still seen.
export function captureClicks(doc: Document, onClick: (click: ClickInit) => void): () => void {
  const listener = (event: MouseEvent) => {
    if (event.button !== 0) return;
    const target = event.target;
    if (!(target instanceof Element)) return;
    onClick({
      pageX: event.pageX,
      pageY: event.pageY,
      clientX: event.clientX,
      clientY: event.clientY,
      selector: buildSelector(target),
      tag: target.tagName.toLowerCase(),
      text: target.closest('[data-gosight-block]')
        ? ''
        : clickText(target.textContent ?? '', target.closest('[data-gosight-unmask]') !== null),
    });
  };
  doc.addEventListener('click', listener, true);
  return () => doc.removeEventListener('click', listener, true);
}
