// esbuild plugin: cuts code out of @rrweb/record that the SDK's options never
// run, and writes rrweb's TypeScript enums and class fields the short way.
// Every edit is checked against the pinned @rrweb/record version (see
// package.json): the build fails if the code it expects is not found exactly.
//   - canvas recording (its 2D/WebGL observers and the inlined web worker):
//     recordCanvas is never set; the stub keeps the calls rrweb makes on its
//     CanvasManager when canvas recording is off;
//   - the relay of cross-origin iframes' recordings (recordCrossOriginIframes
//     is never set: such iframes record nothing, as before), and the snapshot
//     of canvas pixels and inlined images (recordCanvas, inlineImages);
//   - font recording (collectFonts is never set), record hooks (never passed),
//     the deprecated global mirror and rrdom's node class (replay only);
//   - enum members (EventType.Meta) become their numbers, unless the enum is
//     indexed by a computed key (MouseInteractions);
//   - __publicField(this, "x", v) in constructors becomes this.x = v (no class
//     with such a field has an accessor of the same name), and
//     MutationBuffer.init's copy of options by name plain assignments;
//   - blocking and masking are tested with one selector list of the class and
//     the selector (one closest() call instead of up to four): the SDK always
//     sets blockSelector and maskTextSelector and keeps the default classes;
//   - and one change to what is recorded, for speed (textSwaps, on unless
//     turned off): a text child replaced by another is recorded as a text
//     change (see TEXT_SWAP). The others leave rrweb's events as they were
//     (rrweb-slim.browser.test.ts); every recording replays as the page was
//     (rrweb-replay.browser.test.ts).
import { readFile } from 'node:fs/promises';

function fail(message) {
  throw new Error(`rrweb-slim: ${message}; check the @rrweb/record version`);
}

// Replaces the text from `start` up to (not including) `end`, each found once.
function cutBetween(code, start, end, stub, mustContain = []) {
  const from = code.indexOf(start);
  const to = code.indexOf(end, from + 1);
  if (from === -1 || to === -1 || code.indexOf(start, from + 1) !== -1)
    fail(`${start.trim()} not found once`);
  const cut = code.slice(from, to);
  for (const name of mustContain) if (!cut.includes(name)) fail(`${name} not in the cut region`);
  return code.slice(0, from) + stub + code.slice(to);
}

// Replaces a top-level function or class (up to its closing brace at column 0).
function replaceDeclaration(code, head, stub) {
  return cutBetween(code, `\n${head}`, '\n}\n', `\n${stub}`);
}

function inlineEnums(code) {
  const declaration =
    /\nvar (\w+) = \/\* @__PURE__ \*\/ \(\((\w+)\) => \{\n((?:.*\n)*?)\s+return \2;\n\}\)\(\1 \|\| \{\}\);/g;
  let out = code;
  let inlined = 0;
  for (const [whole, name, , body] of code.matchAll(declaration)) {
    if (new RegExp(`\\b${name}\\[`).test(code)) continue;
    const members = [...body.matchAll(/\["([\w]+)"\] = (\d+)\] = /g)];
    if (members.length === 0) fail(`enum ${name} has no members`);
    for (const [, member, value] of members) {
      out = out.replace(new RegExp(`\\b${name}\\.${member}\\b`, 'g'), value);
    }
    if (new RegExp(`\\b${name}\\.`).test(out)) fail(`enum ${name} still referenced`);
    out = out.replace(whole, '');
    inlined++;
  }
  if (inlined < 5) fail(`only ${inlined} enums inlined`);
  return out;
}

// MutationBuffer.init copies options by a list of names; written out, the
// names are plain property accesses (which the build may shorten).
function assignOptions(code) {
  const loop =
    /\n {2}init\(options\) \{\n {4}\[\n((?: {6}"\w+",?\n)+) {4}\]\.forEach\(\(key\) => \{\n {6}this\[key\] = options\[key\];\n {4}\}\);\n {2}\}/;
  const match = code.match(loop);
  if (!match) fail('MutationBuffer.init not found');
  const names = [...match[1].matchAll(/"(\w+)"/g)].map((m) => m[1]);
  const body = names.map((name) => `    this.${name} = options.${name};`).join('\n');
  return code.replace(loop, `\n  init(options) {\n${body}\n  }`);
}

function assignClassFields(code) {
  let count = 0;
  const out = code.replace(/__publicField\(this, "(\w+)"(?:, ([^;\n]*))?\);$/gm, (_, name, value) => {
    count++;
    return value === undefined ? `this.${name} = void 0;` : `this.${name} = ${value};`;
  });
  if (count < 60) fail(`only ${count} class fields rewritten`);
  return out;
}

// A text child replaced by another (`el.textContent = "…"` on an element
// holding one text node, the common way to update text) is recorded as a text
// change of the old node's id, which the new node takes over. The replay shows
// the same, without serializing, mapping and unmapping a node per change.
// Anything less plain (nodes added or moved in the same callback, <style> and
// <script> text) takes rrweb's own path.
const TEXT_SWAP = `
function swapText(buffer, m) {
  const target = m.target;
  if (m.addedNodes.length !== 1 || m.removedNodes.length !== 1 || target.nodeType !== 1) return false;
  const removed = m.removedNodes[0];
  const added = m.addedNodes[0];
  if (removed.nodeType !== 3 || added.nodeType !== 3 || target.tagName === "STYLE" || target.tagName === "SCRIPT") return false;
  const mirror = buffer.mirror;
  const meta = mirror.getMeta(removed);
  // Nodes added or moved earlier in the same callback are rrweb's to place.
  if (!meta || meta.id < 0 || mirror.getId(target) < 0 || mirror.hasNode(added)) return false;
  if (buffer.movedSet.has(removed) || buffer.addedSet.has(added)) return false;
  mirror.nodeMetaMap.delete(removed);
  mirror.add(added, meta);
  let value = index.textContent(added);
  if (value && needMaskingText(target, buffer.maskTextClass, buffer.maskTextSelector, true))
    value = buffer.maskTextFn ? buffer.maskTextFn(value, target) : value.replace(/[\\S]/g, "*");
  buffer.texts.push({ value, node: added });
  return true;
}
function processRemoves(n, cache) {`;

// rrweb tests blocking and masking with a class and a selector, each on the
// element and then on its ancestors: up to four closest()/matches() calls
// per mutation record and two per serialized element. With the SDK's options
// (blockSelector and maskTextSelector set, the default class names) one
// selector list of the class and the selector tests both in one call.
const EITHER_SELECTOR = `
const eitherSelectors = [];
function eitherSelector(className, selector) {
  for (const known of eitherSelectors) if (known[0] === className && known[1] === selector) return known[2];
  const either = selector ? "." + className + "," + selector : "." + className;
  eitherSelectors.push([className, selector, either]);
  return either;
}
`;

function oneSelectorForClassAndSelector(code) {
  let out = replaceDeclaration(
    code,
    'function isBlocked(',
    `${EITHER_SELECTOR}function isBlocked(node, blockClass, blockSelector, checkAncestors) {
  const el = node && closestElementOfNode(node);
  if (!el) return false;
  const either = eitherSelector(blockClass, blockSelector);
  return checkAncestors ? el.closest(either) !== null : el.matches(either);`,
  );
  out = replaceDeclaration(
    out,
    'function _isBlockedElement(',
    `function _isBlockedElement(element, blockClass, blockSelector) {
  return element.matches(eitherSelector(blockClass, blockSelector));`,
  );
  return cutBetween(
    out,
    `  try {
    if (typeof maskTextClass === "string") {`,
    '\nfunction onceIframeLoaded(',
    `  const either = eitherSelector(maskTextClass, maskTextSelector);
  return checkAncestors ? el.closest(either) !== null : el.matches(either);
}`,
    ['classMatchesRegex(el, maskTextClass, checkAncestors)', 'el.closest(maskTextSelector)'],
  );
}

function recordTextSwapsAsTexts(code) {
  const guard = `if (m.target.tagName === "TEXTAREA") {
            this.genTextAreaValueMutation(m.target);
            return;
          }
`;
  if (code.split(guard).length !== 2) fail('the childList TEXTAREA guard not found once');
  const out = code.replace(guard, `${guard}          if (swapText(this, m)) return;\n`);
  if (out.split('\nfunction processRemoves(n, cache) {').length !== 2) fail('processRemoves not found once');
  return out.replace('\nfunction processRemoves(n, cache) {', TEXT_SWAP);
}

export function slimRrweb(source, { textSwaps = true } = {}) {
  let code = cutBetween(
    source,
    '\nvar chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";\nvar lookup',
    '\nclass StylesheetManager {',
    '\nclass CanvasManager { reset() {} freeze() {} unfreeze() {} lock() {} unlock() {} }',
    ['class CanvasManager', 'function WorkerWrapper', 'function initCanvas2DMutationObserver'],
  );
  code = cutBetween(code, '\nconst DEPARTED_MIRROR_ACCESS_WARNING', '\nfunction throttle(', '', [
    'let _mirror',
    'new Proxy(_mirror',
  ]);
  if (/\b_mirror\b/.test(code)) fail('_mirror still used');
  code = cutBetween(
    code,
    '\n  handleMessage(message) {',
    '\n}\nclass ShadowDomManager {',
    '\n  handleMessage() {}',
    ['transformCrossOriginEvent(iframeEl, e)', 'patchRootIdOnNode(node, rootId)'],
  );
  if (/transformCrossOriginEvent|replaceIdOnNode|patchRootIdOnNode/.test(code))
    fail('cross-origin iframe code still used');
  code = cutBetween(
    code,
    '\n  if (tagName === "canvas" && recordCanvas) {',
    '\n  if (["audio", "video"].includes(tagName)) {',
    '',
    ['is2DCanvasBlank(n)', 'if (tagName === "img" && inlineImages) {', 'recordInlineImage()'],
  );
  code = replaceDeclaration(
    code,
    'function initFontObserver(',
    'function initFontObserver() {\n  return () => {};',
  );
  code = replaceDeclaration(code, 'function mergeHooks(', 'function mergeHooks() {');
  code = replaceDeclaration(code, 'class BaseRRNode {', 'class BaseRRNode {');
  code = assignOptions(code);
  code = oneSelectorForClassAndSelector(code);
  if (textSwaps) code = recordTextSwapsAsTexts(code);
  code = inlineEnums(code);
  // Without its map comment, the build's source map (build.mjs --sourcemap)
  // points into this slimmed code rather than through rrweb's own map, whose
  // positions the cuts above have shifted.
  return assignClassFields(code).replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
}

export function rrwebSlimPlugin(options) {
  return {
    name: 'rrweb-slim',
    setup(build) {
      build.onLoad({ filter: /@rrweb[\\/]record[\\/]dist[\\/]record\.js$/ }, async (args) => ({
        contents: slimRrweb(await readFile(args.path, 'utf8'), options),
        loader: 'js',
      }));
    },
  };
}

export const rrwebSlim = rrwebSlimPlugin();
