import { documentHeight, isInteractive, isTextField, targetBox } from './click-facts.ts';
import { createReactionWatcher } from './click-reaction.ts';
import { clickText } from './click-text.ts';
import type { GoSightPlugin } from './plugin.ts';
import { buildSelector } from './selector.ts';

export interface ClickPluginOptions {
  // How long to watch for the page's reaction before sending the click.
  observeMs: number;
}

export const CLICK_PLUGIN_NAME = 'gosight/click@1';

// Primary-button clicks with what only the page can tell: where inside the
// target, whether it looks clickable, and how the page reacted. Listens on
// window in the capture phase, before any page handler can stop the event or
// mutate the DOM.
export function clickPlugin(options: ClickPluginOptions): GoSightPlugin<ClickPluginOptions> {
  return {
    name: CLICK_PLUGIN_NAME,
    options,
    observer(emit, win, { observeMs }) {
      const watcher = createReactionWatcher(win, observeMs);
      let lastPointerType = '';
      const onPointerDown = (event: PointerEvent) => {
        lastPointerType = event.pointerType;
      };
      const onClick = (event: MouseEvent) => {
        if (event.button !== 0) return;
        const target = event.target;
        if (!(target instanceof Element)) return;
        const timestampMs = Date.now();
        const href = win.location.href;
        const pointerType = (event as Partial<PointerEvent>).pointerType || lastPointerType || 'mouse';
        const click = {
          pageX: event.pageX,
          pageY: event.pageY,
          clientX: event.clientX,
          clientY: event.clientY,
          selector: buildSelector(target),
          tag: target.tagName.toLowerCase(),
          text: target.closest('[data-gosight-block]')
            ? ''
            : clickText(target.textContent ?? '', target.closest('[data-gosight-unmask]') !== null),
          ...targetBox(target.getBoundingClientRect(), event.clientX, event.clientY),
          viewportWidth: win.innerWidth,
          viewportHeight: win.innerHeight,
          documentHeight: documentHeight(win.document),
          interactive: isInteractive(target, win),
          textField: isTextField(target),
          modifierKey: event.altKey || event.ctrlKey || event.metaKey || event.shiftKey,
          pointerType,
        };
        watcher.watch(win.performance.now(), (reaction) =>
          emit({ case: 'click', value: { ...click, reaction } }, { timestampMs, href }),
        );
      };
      win.addEventListener('pointerdown', onPointerDown, { capture: true, passive: true });
      win.addEventListener('click', onClick, { capture: true, passive: true });
      return () => {
        win.removeEventListener('pointerdown', onPointerDown, true);
        win.removeEventListener('click', onClick, true);
        watcher.finishAll();
        watcher.stop();
      };
    },
  };
}
