// rrweb-slim.mjs's cuts must not change what rrweb records with the SDK's
// options: the same DOM changes, recorded in Chromium by rrweb as published
// and as the SDK's build edits it (its one deliberate change, text swaps,
// turned off), give the same events. The text swaps are checked here case by
// case, and in rrweb-replay.browser.test.ts by replaying.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rrwebSlim, rrwebSlimPlugin } from '../rrweb-slim.mjs';
import { launchChromium } from '../test/chromium.ts';
import { pageScript } from '../test/page-script.ts';

// The SDK's record options (record-options.ts); events are collected in window.events.
const ENTRY = `import { record } from '@rrweb/record';
import { RECORD_OPTIONS } from './src/record-options.ts';
window.events = [];
window.stop = record({ emit: (event) => window.events.push(event), ...RECORD_OPTIONS });`;

const PAGE = `<main id="grid"></main><div id="host"></div><p id="plain">plain text</p>
<div data-gosight-mask><p id="masked">masked text</p></div>
<div data-gosight-block><p id="blocked">blocked text</p></div>`;

// Each step is one MutationObserver callback (a task apart): text changes
// under shared ancestors, subtrees removed while their children change,
// nodes moved, added and removed at once, a shadow root's content, masked
// and blocked parts.
const STEPS = `[
  () => {
    const grid = document.getElementById('grid');
    for (let r = 0; r < 20; r++) {
      const row = document.createElement('div');
      row.id = 'r' + r;
      for (let c = 0; c < 5; c++) { const s = document.createElement('span'); s.textContent = r + '.' + c; row.appendChild(s); }
      grid.appendChild(row);
    }
    document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<p>in shadow</p>';
  },
  () => {
    for (const s of document.querySelectorAll('#r1 span, #r2 span')) s.textContent = 'new ' + s.textContent;
    document.getElementById('r3').remove();
    const r4 = document.getElementById('r4');
    r4.firstChild.textContent = 'changed before removal';
    r4.remove();
    document.getElementById('r5').classList.add('hot');
    document.getElementById('host').shadowRoot.firstChild.textContent = 'shadow changed';
  },
  () => {
    const grid = document.getElementById('grid');
    const r6 = document.getElementById('r6');
    grid.appendChild(r6);
    r6.lastChild.textContent = 'moved and changed';
    const tmp = document.createElement('b');
    grid.appendChild(tmp);
    tmp.remove();
    const r7 = document.getElementById('r7');
    r7.remove();
    grid.prepend(r7);
    document.getElementById('r8').textContent = 'row text';
    document.getElementById('masked').textContent = 'secret';
    document.getElementById('blocked').textContent = 'blocked secret';
    document.getElementById('host').shadowRoot.appendChild(document.createElement('i'));
  },
  () => {
    const grid = document.getElementById('grid');
    const r9 = document.getElementById('r9');
    const r10 = document.getElementById('r10');
    r9.appendChild(r10);
    r10.firstChild.remove();
    grid.removeChild(r9);
    document.getElementById('r11').firstChild.firstChild.data = 'character data';
  },
]`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function record(script: string, steps = STEPS): Promise<unknown[]> {
  const page = await browser.newPage();
  try {
    await page.setContent(`<!doctype html><html><head></head><body>${PAGE}</body></html>`);
    await page.addScriptTag({ content: script });
    const events = await page.evaluate(`(async () => {
      for (const step of ${steps}) {
        step();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      window.stop();
      return window.events;
    })()`);
    return (events as { timestamp?: number }[]).map(({ timestamp, ...rest }) => rest);
  } finally {
    await page.close();
  }
}

it('records the same events as rrweb as published, text swaps aside', async () => {
  const published = await record(await pageScript(ENTRY, []));
  const edited = await record(await pageScript(ENTRY, [rrwebSlimPlugin({ textSwaps: false })]));
  const mutations = published.filter((e) => (e as { type: number }).type === 3);
  expect(mutations.length).toBeGreaterThanOrEqual(4);
  expect(edited).toEqual(published);
});

type SerializedNode = { id: number; attributes?: { id?: string }; childNodes?: SerializedNode[] };
type RecordedEvent = {
  type: number;
  data: { node?: SerializedNode; source?: number; texts?: unknown[]; adds?: unknown[]; removes?: unknown[] };
};

// The id the full snapshot gave the first child of the element with this id.
function firstChildId(events: RecordedEvent[], elementId: string): number | undefined {
  const find = (node: SerializedNode): number | undefined =>
    node.attributes?.id === elementId
      ? node.childNodes?.[0]?.id
      : node.childNodes?.map(find).find((id) => id !== undefined);
  return find(events.find((e) => e.type === 2)!.data.node!);
}

it.each([
  ['plain', 'plain', 'new text', 'new text'],
  ['masked', 'masked', 'new secret', '*** ******'],
])('records a replaced text child (%s) as a text change of the old id', async (_, id, text, recorded) => {
  const steps = `[() => { document.getElementById('${id}').textContent = '${text}'; }]`;
  const events = (await record(await pageScript(ENTRY, [rrwebSlim]), steps)) as RecordedEvent[];
  const mutations = events.filter((e) => e.type === 3 && e.data.source === 0).map((e) => e.data);
  const textId = firstChildId(events, id);
  expect(textId).toBeGreaterThan(0);
  expect(mutations).toEqual([
    { source: 0, adds: [], removes: [], attributes: [], texts: [{ id: textId, value: recorded }] },
  ]);
});
