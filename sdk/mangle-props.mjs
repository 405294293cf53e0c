// Property names the minifier shortens (esbuild mangleProps): the SDK's own
// internal names, none of which a page, the browser, rrweb or storage sees.
// Left out on purpose: the public API and init options, what is persisted in
// localStorage / sessionStorage (session state, the offline queue's batches
// and page context), what crosses from sdk.js to sdk-replay.js (the replay
// module and session tracker interfaces, RawChunk), browser-provided fields
// missing from TypeScript's DOM types (hadRecentInput, interactionId, …), and
// oneof case names (they are also string values: { case: 'pageView' }).
// Builds are separate (sdk.js, sdk-replay.js, cjs), so a name here must only
// ever be used inside one bundle.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { slimRrweb } from './rrweb-slim.mjs';

const NAMES = [
  // delivery, queue, sender
  'tabId',
  'batchId',
  'sentAtMs',
  'maxBatchBytes',
  'maxQueuedItems',
  'maxQueuedBytes',
  'pageContext',
  'outboxStorage',
  'isOnline',
  'timeoutMs',
  'pendingEvents',
  'drain',
  'onSettled',
  'onDrop',
  'healthy',
  'flushForUnload',
  'takeDrops',
  'maxChars',
  'orphanAfterMs',
  'maxEvents',
  'maxChunks',
  'maxBytes',
  'newBatch',
  'hurry',
  'takeForUnload',
  'retryAfterMs',
  'delayMs',
  'fetchFn',
  'chunkBytes',
  'sendQueued',
  'drops',
  // consent, sessions, tracker
  'optedOut',
  'consented',
  'nextEventSequence',
  'activity',
  'nowMs',
  'startMs',
  'createId',
  // plugins
  'observeMs',
  'observedMs',
  'markAll',
  'finishAll',
  'selectionKey',
  'nodeKey',
  'emitSamples',
  'sampleIntervalMs',
  'maxSpanMs',
  'maxSamples',
  'maxPerPage',
  'scrollStepPercent',
  'onEntries',
  // replay chunk summary (encoded in sdk.js)
  'firstTimestampMs',
  'lastTimestampMs',
  'eventCount',
  'hasFullSnapshot',
  // Protobuf field names (not oneof cases, not PageContext)
  'documentHeight',
  'reaction',
  'traits',
  'userId',
  'timestampMs',
  'eventId',
  'utm',
  'oneof',
  'targetXRatio',
  'targetYRatio',
  'targetWidth',
  'targetHeight',
  'textField',
  'modifierKey',
  'valueLength',
  'offsetMs',
  'buttonPressed',
  'dnsMs',
  'connectMs',
  'ttfbMs',
  'domContentLoadedMs',
  'loadMs',
  'dwellMs',
  'maxScrollDepthPx',
  'maxScrollDepthPercent',
  'fromUrl',
  'toUrl',
  'depthPx',
  'depthPercent',
  'droppedEvents',
];

// rrweb's own internals: option, callback and manager names passed between
// its parts. None is in a recorded event (those keys are rrweb's format) or
// read as a string.
const RRWEB_NAMES = [
  'mutationCb',
  'mousemoveCb',
  'mouseInteractionCb',
  'scrollCb',
  'viewportResizeCb',
  'inputCb',
  'mediaInteractionCb',
  'styleSheetRuleCb',
  'styleDeclarationCb',
  'canvasMutationCb',
  'fontCb',
  'selectionCb',
  'customElementCb',
  'adoptedStyleSheetCb',
  'stylesheetManager',
  'shadowDomManager',
  'iframeManager',
  'canvasManager',
  'processedNodeManager',
  'addedSet',
  'movedSet',
  'droppedSet',
  'movedMap',
  'idNodeMap',
  'nodeMetaMap',
  'styleIDMap',
  'idStyleMap',
  'iframeRemoteIdToIdMap',
  'iframeIdToRemoteIdMap',
  'crossOriginIframeMap',
  'crossOriginIframeRootIdMap',
  'removesSubTreeCache',
  'mapRemoves',
  'trackedLinkElements',
  'shadowDoms',
  'restoreHandlers',
  'bypassOptions',
  'wrappedEmit',
  'styleMirror',
  'crossOriginIframeMirror',
  'crossOriginIframeStyleMirror',
  'recordCrossOriginIframes',
  'unattachedDoc',
  'loadListener',
  'keepIframeSrcFn',
  'maskInputFn',
  'maskTextFn',
  'maskInputOptions',
  'maskTextClass',
  'maskTextSelector',
  'blockClass',
  'blockSelector',
  'dataURLOptions',
  'inlineStylesheet',
  'inlineImages',
  'recordCanvas',
  'slimDOMOptions',
  'mousemoveCallback',
  'generateIdFn',
  'getIdToRemoteIdMap',
  'getRemoteIdToIdMap',
  'trackLinkElement',
  'attachLinkElement',
  'trackStylesheetInLinkElement',
  'addShadowRoot',
  'observeAttachShadow',
  'patchAttachShadow',
  'adoptStyleSheets',
  'iframeLoadTimeout',
  'stylesheetLoadTimeout',
  'onIframeLoad',
  'onStylesheetLoad',
  'onSerialize',
  'preserveWhiteSpace',
  'newlyAddedElement',
  'skipChild',
  'cssCaptured',
  'maskAllInputs',
  'userTriggeredOnInput',
];

export const mangleProps = new RegExp(`^(${[...NAMES, ...RRWEB_NAMES].join('|')})$`);

// Fails the build when a name here is also one the browser (TypeScript's DOM
// and ES types) or rrweb uses: shortening it could break a read of theirs.
export function checkMangleProps(root) {
  const words = (path) => new Set(readFileSync(join(root, path), 'utf8').match(/[A-Za-z_$][\w$]*/g));
  const lib = join('node_modules', 'typescript', 'lib');
  const foreign = [
    words(join('node_modules', '@rrweb', 'record', 'dist', 'record.js')),
    ...readdirSync(join(root, lib))
      .filter((file) => /^lib\..*\.d\.ts$/.test(file))
      .map((file) => words(join(lib, file))),
  ];
  const clashes = NAMES.filter((name) => foreign.some((set) => set.has(name)));
  if (clashes.length > 0) throw new Error(`mangle-props: also used by the browser or rrweb: ${clashes}`);
  // The SDK's own sources must not name them in strings (reaction['scrollMs']).
  const src = join(root, 'sdk', 'src');
  const quoted = readdirSync(src)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .flatMap((file) => {
      const text = readFileSync(join(src, file), 'utf8');
      return NAMES.filter((name) => new RegExp(`["'\`]${name}["'\`]`).test(text)).map((n) => `${file}: ${n}`);
    });
  if (quoted.length > 0) throw new Error(`mangle-props: named in a string: ${quoted}`);
  // As the build sees it: class fields already plain assignments.
  const rrweb = slimRrweb(
    readFileSync(join(root, 'node_modules', '@rrweb', 'record', 'dist', 'record.js'), 'utf8'),
  );
  const risky = RRWEB_NAMES.filter(
    (name) =>
      foreign.slice(1).some((set) => set.has(name)) ||
      !foreign[0].has(name) ||
      new RegExp(`["'\`]${name}["'\`]`).test(rrweb),
  );
  if (risky.length > 0) throw new Error(`mangle-props: not rrweb-internal: ${risky}`);
}
