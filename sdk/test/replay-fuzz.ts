// A seeded stream of DOM changes for replay tests: each step makes one to
// four random changes in one task (text replaced, text data set, nodes
// added, removed, moved and re-inserted, attributes, innerHTML, and the
// awkward mixes of these within one MutationObserver callback), in plain,
// masked and blocked parts of the page and in a shadow root.
//
// Everything here is page code, as strings: FUZZ_PAGE is the body,
// CANONICAL_DOM defines `canonicalDom(el, maskText)` (the DOM as the replay
// must show it: blocked elements opaque, no comments, and with maskText the
// text in masked parts as asterisks; a replay is read without, so that text
// recorded unmasked shows) and
// FUZZ_STEPS defines `runFuzz(seed, steps)`, which returns one checkpoint
// per step: the time after the step's mutations were handled, and the
// canonical DOM at that time.

export const FUZZ_PAGE = `<div id="app">
<main id="grid">${Array.from(
  { length: 12 },
  (_, r) =>
    `<div class="row">${Array.from({ length: 4 }, (_, c) => `<span>cell ${r}.${c}</span>`).join('')}</div>`,
).join('\n')}</main>
<section id="side"><p>one</p><p>two <b>bold</b> tail</p><!-- a comment --><ul><li>a</li><li>b</li></ul></section>
<div id="masked" data-gosight-mask><p>secret a</p><p>secret <i>b</i></p></div>
<div id="blocked" class="secret-box" data-gosight-block><p>hidden</p></div>
<div id="host"></div>
</div>
<script>document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<p>in shadow</p><p>second</p>';</script>`;

export const CANONICAL_DOM = `
window.canonicalDom = function canonicalDom(node, maskText, masked = false) {
  if (node.nodeType === 3) return JSON.stringify(masked ? node.data.replace(/\\S/g, '*') : node.data);
  if (node.nodeType !== 1) return '';
  const tag = node.tagName.toLowerCase();
  if (node.hasAttribute('data-gosight-block') || node.classList.contains('secret-box')) return '<' + tag + ' blocked>';
  const inMask = masked || (maskText && node.hasAttribute('data-gosight-mask'));
  const attributes = [...node.attributes]
    .filter((a) => !a.name.startsWith('rr_') && a.name !== 'style')
    .map((a) => a.name + '=' + JSON.stringify(a.value))
    .sort();
  const children = [...node.childNodes].map((c) => canonicalDom(c, maskText, inMask));
  if (node.shadowRoot) children.unshift('#shadow(' + [...node.shadowRoot.childNodes].map((c) => canonicalDom(c, maskText, inMask)).join('') + ')');
  return '<' + [tag, ...attributes].join(' ') + '>' + children.join('') + '</' + tag + '>';
};`;

export const FUZZ_STEPS = `
window.runFuzz = async function runFuzz(seed, steps) {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  const word = () => 'w' + Math.floor(random() * 1e6).toString(36);
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const app = document.getElementById('app');
  const shadow = document.getElementById('host').shadowRoot;
  const containers = ['grid', 'side', 'masked', 'blocked'].map((id) => document.getElementById(id)).concat(shadow);
  const elements = () => containers.flatMap((c) => [...c.querySelectorAll('*')]);
  const parents = () => containers.concat(elements());
  const texts = () => {
    const found = [];
    for (const c of containers) {
      const walker = document.createTreeWalker(c, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) found.push(walker.currentNode);
    }
    return found;
  };
  // Removed elements, with the root they came from, to be put back later.
  const detached = [];
  const takeOut = (el) => { detached.push([el, el.getRootNode()]); el.remove(); };
  const fresh = () => {
    const el = document.createElement(pick(['span', 'b', 'p', 'div']));
    if (random() < 0.7) el.textContent = word();
    if (random() < 0.3) el.appendChild(document.createElement('i')).textContent = word();
    return el;
  };
  // An element of the page's parts (never one of the parts themselves).
  const element = () => pick(elements()) ?? pick(containers).appendChild(fresh());
  // Moves stay on their side of the shadow boundary: rrweb as published
  // does not replay nodes moved across it.
  const parentFor = (el) => pick(parents().filter((p) => !el.contains(p) && p.getRootNode() === el.getRootNode()));
  const ops = [
    () => { element().textContent = word(); },
    () => { element().textContent = word(); },
    () => { const el = element(); el.textContent = word(); el.textContent = word(); },
    () => { const t = pick(texts()); if (t) t.data = word(); },
    () => { const t = pick(texts()); if (t) { t.data = word(); t.parentNode.textContent = word(); } },
    () => { const t = pick(texts()); const w = word(); if (t) { t.data = w; t.parentNode.textContent = w; } },
    () => { pick(parents()).appendChild(fresh()); },
    () => { const p = pick(parents()); p.insertBefore(fresh(), pick([...p.childNodes, null])); },
    () => { takeOut(element()); },
    () => { const el = element(); parentFor(el)?.appendChild(el); },
    () => { const [el, root] = detached.pop() ?? []; if (el) pick(parents().filter((p) => p.getRootNode() === root))?.appendChild(el); },
    () => { element().classList.toggle('hot'); },
    () => { element().setAttribute('data-v', word()); },
    () => { const el = element(); el.textContent = word(); takeOut(el); },
    () => { const el = element(); takeOut(el); el.textContent = word(); },
    () => { const el = element(); el.textContent = word(); if (el.firstChild) parentFor(el)?.appendChild(el.firstChild); },
    () => { const el = element(); const old = el.firstChild; el.textContent = word(); if (old) parentFor(el)?.appendChild(old); },
    () => { const el = element(); el.textContent = word(); el.insertBefore(fresh(), el.firstChild); },
    () => { const el = element(); el.textContent = word(); el.appendChild(fresh()); },
    () => { element().innerHTML = '<i>' + word() + '</i> ' + word(); },
    () => { const el = fresh(); pick(parents()).appendChild(el); el.textContent = word(); },
    () => { const el = element(); const p = el.parentNode; el.textContent = word(); p.removeChild(el); p.appendChild(el); },
    () => { const el = element(); el.textContent = word(); const p = el.parentNode; if (p) p.textContent = word(); },
    () => {
      const el = element();
      const t = pick(texts().filter((t) => t.getRootNode() === el.getRootNode() && !el.contains(t)));
      if (t) { el.textContent = ''; el.appendChild(t); el.textContent = word(); }
    },
    () => {
      const el = element();
      const y = document.createTextNode(word());
      pick(parents().filter((p) => p.getRootNode() === el.getRootNode())).appendChild(y);
      el.textContent = word();
      el.replaceChild(y, el.firstChild);
    },
    () => {
      const el = element();
      const t = pick(texts().filter((t) => t.getRootNode() === el.getRootNode() && !el.contains(t)));
      el.textContent = word();
      if (t) el.replaceChild(t, el.firstChild);
    },
  ];
  const checkpoints = [];
  for (let step = 0; step < steps; step++) {
    const changes = 1 + Math.floor(random() * 4);
    for (let i = 0; i < changes; i++) {
      try { pick(ops)(); } catch (error) { if (!(error instanceof DOMException)) throw error; }
    }
    await sleep(10);
    checkpoints.push({ at: Date.now(), dom: canonicalDom(app, true) });
    await sleep(10);
  }
  return checkpoints;
};`;
