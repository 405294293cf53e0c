// The part of a DOM Element the selector needs; real elements satisfy it.
export interface SelectorElement {
  readonly tagName: string;
  readonly id: string;
  readonly classList: ArrayLike<string>;
  readonly parentElement: SelectorElement | null;
  readonly children: ArrayLike<SelectorElement>;
}

const MAX_DEPTH = 5;
const MAX_CLASSES = 3;
const IDENT = /^-?[_a-zA-Z][\w-]*$/;

// A short, readable selector for heatmaps and click grouping: stops at the
// nearest id, else tag.classes with :nth-of-type where siblings share the tag,
// for the element and up to four ancestors below <body>.
export function buildSelector(element: SelectorElement): string {
  const parts: string[] = [];
  let node: SelectorElement | null = element;
  while (node && parts.length < MAX_DEPTH) {
    const tag = node.tagName.toLowerCase();
    if (tag === 'html' || (tag === 'body' && parts.length > 0)) break;
    if (node.id) {
      parts.unshift(IDENT.test(node.id) ? `#${node.id}` : `[id="${node.id.replace(/["\\]/g, '\\$&')}"]`);
      break;
    }
    parts.unshift(tag + classesOf(node) + nthOfType(node));
    node = node.parentElement;
  }
  return parts.join(' > ');
}

function classesOf(node: SelectorElement): string {
  let out = '';
  let count = 0;
  for (let i = 0; i < node.classList.length && count < MAX_CLASSES; i++) {
    const name = node.classList[i];
    if (name && IDENT.test(name)) {
      out += `.${name}`;
      count++;
    }
  }
  return out;
}

function nthOfType(node: SelectorElement): string {
  const siblings = node.parentElement?.children;
  if (!siblings) return '';
  let index = 0;
  let total = 0;
  for (let i = 0; i < siblings.length; i++) {
    const sibling = siblings[i];
    if (sibling?.tagName !== node.tagName) continue;
    total++;
    if (sibling === node) index = total;
  }
  return total > 1 ? `:nth-of-type(${index})` : '';
}
