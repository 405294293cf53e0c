import type { GoSightPlugin } from './plugin.ts';
import { buildSelector } from './selector.ts';

export const INPUT_CHANGE_PLUGIN_NAME = 'gosight/input-change@1';

// A committed change of a form field ("change" event: on blur for text, at
// once for checkboxes and selects) as its length, never its value. Password
// lengths are not sent either; fields in data-gosight-block are not seen.
export function inputChangePlugin(): GoSightPlugin<undefined> {
  return {
    name: INPUT_CHANGE_PLUGIN_NAME,
    options: undefined,
    observer(emit, win) {
      const onChange = (event: Event) => {
        const target = event.target;
        if (
          !(
            target instanceof HTMLInputElement ||
            target instanceof HTMLTextAreaElement ||
            target instanceof HTMLSelectElement
          ) ||
          target.closest('[data-gosight-block]')
        ) {
          return;
        }
        const inputType = target instanceof HTMLInputElement ? target.type : target.tagName.toLowerCase();
        const checkable = inputType === 'checkbox' || inputType === 'radio';
        emit({
          case: 'inputChange',
          value: {
            selector: buildSelector(target),
            tag: target.tagName.toLowerCase(),
            inputType,
            valueLength: inputType === 'password' || checkable ? 0 : target.value.length,
            checked: checkable && (target as HTMLInputElement).checked,
          },
        });
      };
      win.document.addEventListener('change', onChange, true);
      return () => win.document.removeEventListener('change', onChange, true);
    },
  };
}
