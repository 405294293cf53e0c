import { onHistoryChange } from './history-hook.ts';
import { isOwnNode } from './own-nodes.ts';

export type ReactionKind =
  | 'domMutationMs'
  | 'navigationMs'
  | 'scrollMs'
  | 'focusChangeMs'
  | 'selectionChangeMs';

export type Reaction = { observedMs: number } & Partial<Record<ReactionKind, number>>;

export interface ReactionWatcher {
  // Watches for observeMs after a click at startMs (performance.now() time)
  // and then calls done with the first delay of each kind of reaction.
  watch(startMs: number, done: (reaction: Reaction) => void): void;
  // Reports every watched click now (the page is going away).
  finishAll(): void;
  stop(): void;
}

interface Watch {
  startMs: number;
  reaction: Reaction;
  active: Element | null;
  selection: string;
  timer: ReturnType<typeof setTimeout>;
  done: (reaction: Reaction) => void;
}

// One set of observers shared by all clicks being watched, connected only
// while at least one is: pages pay nothing between clicks.
export function createReactionWatcher(win: Window, observeMs: number): ReactionWatcher {
  const doc = win.document;
  const watches = new Set<Watch>();
  let teardown: (() => void) | undefined;

  const mark = (kind: ReactionKind, watch: Watch) => {
    if (watch.reaction[kind] !== undefined) return;
    watch.reaction[kind] = Math.max(0, Math.round(win.performance.now() - watch.startMs));
  };
  const markAll = (kind: ReactionKind, when: (watch: Watch) => boolean = () => true) => {
    for (const watch of watches) if (when(watch)) mark(kind, watch);
  };
  // Timers can fire a millisecond early; cut short, the watch reports its length.
  const finish = (watch: Watch, complete: boolean) => {
    clearTimeout(watch.timer);
    watches.delete(watch);
    watch.reaction.observedMs = complete
      ? observeMs
      : Math.min(observeMs, Math.round(win.performance.now() - watch.startMs));
    if (watches.size === 0) disconnect();
    watch.done(watch.reaction);
  };
  const finishAll = () => {
    for (const watch of [...watches]) finish(watch, false);
  };

  const connect = () => {
    const mutations = new MutationObserver((records) => {
      if (records.some((record) => !ownMutation(record))) markAll('domMutationMs');
    });
    mutations.observe(doc, { childList: true, subtree: true, attributes: true, characterData: true });
    const navigate = () => markAll('navigationMs');
    const leave = () => {
      navigate();
      finishAll();
    };
    const onVisibility = () => {
      if (doc.visibilityState === 'hidden') leave();
    };
    const onScroll = () => markAll('scrollMs');
    const onFocus = () => markAll('focusChangeMs', (watch) => doc.activeElement !== watch.active);
    const onSelection = () => markAll('selectionChangeMs', (watch) => selectionKey(win) !== watch.selection);
    const unhookHistory = onHistoryChange(win, navigate);
    const listeners: [EventTarget, string, EventListener, boolean][] = [
      [win, 'beforeunload', leave, false],
      [win, 'pagehide', leave, false],
      [win, 'popstate', navigate, false],
      [win, 'hashchange', navigate, false],
      [doc, 'visibilitychange', onVisibility, false],
      [doc, 'scroll', onScroll, true],
      [doc, 'focusin', onFocus, true],
      [doc, 'focusout', onFocus, true],
      [doc, 'selectionchange', onSelection, false],
    ];
    for (const [target, type, listener, capture] of listeners) {
      target.addEventListener(type, listener, { capture, passive: true });
    }
    teardown = () => {
      mutations.disconnect();
      unhookHistory();
      for (const [target, type, listener, capture] of listeners) {
        target.removeEventListener(type, listener, capture);
      }
    };
  };
  const disconnect = () => {
    teardown?.();
    teardown = undefined;
  };

  return {
    watch(startMs, done) {
      if (!teardown) connect();
      const watch: Watch = {
        startMs,
        reaction: { observedMs: 0 },
        active: doc.activeElement,
        selection: selectionKey(win),
        timer: setTimeout(
          () => finish(watch, true),
          Math.max(0, startMs + observeMs - win.performance.now()),
        ),
        done,
      };
      watches.add(watch);
    },
    finishAll,
    stop() {
      for (const watch of watches) clearTimeout(watch.timer);
      watches.clear();
      disconnect();
    },
  };
}

function ownMutation(record: MutationRecord): boolean {
  if (isOwnNode(record.target)) return true;
  if (record.type !== 'childList') return false;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every(isOwnNode);
}

// The selection as it stands: a click on text collapses the selection on
// mousedown, and the selectionchange event for that arrives after the click;
// comparing states keeps it from counting as a reaction.
function selectionKey(win: Window): string {
  const selection = win.getSelection();
  if (!selection || selection.rangeCount === 0) return '';
  const range = selection.getRangeAt(0);
  return `${nodeKey(range.startContainer)}:${range.startOffset}:${nodeKey(range.endContainer)}:${range.endOffset}`;
}

const nodeIds = new WeakMap<Node, number>();
let nextNodeId = 1;
function nodeKey(node: Node): number {
  let id = nodeIds.get(node);
  if (id === undefined) {
    id = nextNodeId++;
    nodeIds.set(node, id);
  }
  return id;
}
