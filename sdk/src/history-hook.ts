type Listener = () => void;

interface Hook {
  listeners: Set<Listener>;
  restore(): void;
}

const hooks = new WeakMap<Window, Hook>();

// Calls listener after every history.pushState / replaceState on win (popstate
// is an event; listen to it directly). One patch per window, however many
// listeners; removed with the last one.
export function onHistoryChange(win: Window, listener: Listener): () => void {
  let hook = hooks.get(win);
  if (!hook) {
    hook = patch(win);
    hooks.set(win, hook);
  }
  const current = hook;
  current.listeners.add(listener);
  return () => {
    current.listeners.delete(listener);
    if (current.listeners.size === 0) {
      current.restore();
      hooks.delete(win);
    }
  };
}

function patch(win: Window): Hook {
  const listeners = new Set<Listener>();
  const history = win.history;
  const originalPush = history.pushState;
  const originalReplace = history.replaceState;
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  const patchedPush: History['pushState'] = function (this: History, ...args) {
    originalPush.apply(this, args);
    notify();
  };
  const patchedReplace: History['replaceState'] = function (this: History, ...args) {
    originalReplace.apply(this, args);
    notify();
  };
  history.pushState = patchedPush;
  history.replaceState = patchedReplace;
  return {
    listeners,
    restore() {
      // Someone may have wrapped ours since; then leave theirs in place.
      if (history.pushState === patchedPush) history.pushState = originalPush;
      if (history.replaceState === patchedReplace) history.replaceState = originalReplace;
    },
  };
}
