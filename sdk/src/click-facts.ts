const INTERACTIVE_TAGS = new Set(['button', 'input', 'select', 'textarea', 'label', 'summary', 'option']);
// ARIA widget roles (WAI-ARIA 1.2 "widget" and composite widget roles).
const WIDGET_ROLES = new Set([
  'button',
  'checkbox',
  'combobox',
  'gridcell',
  'link',
  'listbox',
  'menu',
  'menubar',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'option',
  'radio',
  'radiogroup',
  'scrollbar',
  'searchbox',
  'slider',
  'spinbutton',
  'switch',
  'tab',
  'tablist',
  'textbox',
  'tree',
  'treegrid',
  'treeitem',
]);
const NON_TEXT_INPUTS = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'hidden',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
]);

// Whether the element or an ancestor looks clickable to a person: a link,
// button, form control, label, summary, ARIA widget, click handler attribute,
// tabindex, or a pointer cursor (inherited, so one style read covers ancestors).
export function isInteractive(element: Element, win: Window): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const tag = node.tagName.toLowerCase();
    if (INTERACTIVE_TAGS.has(tag) || (tag === 'a' && node.hasAttribute('href'))) return true;
    const role = node.getAttribute('role');
    if (role && WIDGET_ROLES.has(role.trim().toLowerCase())) return true;
    if (node.hasAttribute('onclick') || node.hasAttribute('tabindex')) return true;
    if ((node as HTMLElement).isContentEditable === true) return true;
  }
  return win.getComputedStyle(element).cursor === 'pointer';
}

// A field where a click places a caret rather than asking for a reaction.
export function isTextField(element: Element): boolean {
  const tag = element.tagName.toLowerCase();
  if (tag === 'textarea') return true;
  if (tag === 'input') return !NON_TEXT_INPUTS.has((element.getAttribute('type') ?? 'text').toLowerCase());
  return (element as HTMLElement).isContentEditable === true;
}

export interface TargetBox {
  targetXRatio: number;
  targetYRatio: number;
  targetWidth: number;
  targetHeight: number;
}

// Where the click fell inside the target's box, 0 to 1 from its left and top.
export function targetBox(rect: DOMRectReadOnly, clientX: number, clientY: number): TargetBox {
  return {
    targetXRatio: ratio(clientX - rect.left, rect.width),
    targetYRatio: ratio(clientY - rect.top, rect.height),
    targetWidth: rect.width,
    targetHeight: rect.height,
  };
}

function ratio(offset: number, size: number): number {
  if (!(size > 0)) return 0;
  return Math.min(1, Math.max(0, offset / size));
}

export function documentHeight(doc: Document): number {
  return Math.max(doc.documentElement?.scrollHeight ?? 0, doc.body?.scrollHeight ?? 0);
}
