import { describe, expect, it } from 'vitest';
import { buildSelector, type SelectorElement } from './selector.ts';

interface FakeElement extends SelectorElement {
  parentElement: FakeElement | null;
  children: FakeElement[];
}

function el(tag: string, attrs: { id?: string; classes?: string[] } = {}, children: FakeElement[] = []) {
  const node: FakeElement = {
    tagName: tag.toUpperCase(),
    id: attrs.id ?? '',
    classList: attrs.classes ?? [],
    parentElement: null,
    children,
  };
  for (const child of children) child.parentElement = node;
  return node;
}

describe('buildSelector', () => {
  const button = el('button', { classes: ['btn', 'btn-primary'] });
  const second = el('li', {}, [el('a')]);
  const list = el('ul', { classes: ['menu'] }, [el('li'), second, el('li')]);
  const deep = el('span');
  const chain = el('div', {}, [el('div', {}, [el('div', {}, [el('div', {}, [el('p', {}, [deep])])])])]);
  const odd = el('i');
  el('html', {}, [
    el('body', {}, [
      el('main', { id: 'app' }, [el('section', { classes: ['cart'] }, [button]), list]),
      chain,
      el('div', { id: '1 odd"id' }, [odd]),
    ]),
  ]);

  const cases: { name: string; element: SelectorElement; selector: string }[] = [
    {
      name: 'stops at the nearest id',
      element: button,
      selector: '#app > section.cart > button.btn.btn-primary',
    },
    {
      name: 'adds nth-of-type among same-tag siblings',
      element: second.children[0]!,
      selector: '#app > ul.menu > li:nth-of-type(2) > a',
    },
    { name: 'limits depth to five parts', element: deep, selector: 'div > div > div > p > span' },
    { name: 'quotes ids that are not identifiers', element: odd, selector: '[id="1 odd\\"id"] > i' },
    { name: 'an element with an id is just the id', element: list.parentElement!, selector: '#app' },
  ];

  it.each(cases)('$name', ({ element, selector }) => {
    expect(buildSelector(element)).toBe(selector);
  });

  it('skips class names that are not plain identifiers and keeps at most three', () => {
    const node = el('div', { classes: ['a', 'md:flex', 'b', 'c', 'd'] });
    el('body', {}, [node]);
    expect(buildSelector(node)).toBe('div.a.b.c');
  });

  it('names body when it is the clicked element', () => {
    const body = el('body');
    el('html', {}, [body]);
    expect(buildSelector(body)).toBe('body');
  });
});
