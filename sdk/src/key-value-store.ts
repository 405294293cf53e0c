export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

// localStorage can be missing, disabled or full (Safari private mode, quota);
// the SDK then keeps its ids for the page's lifetime only.
// sessionStorage is per tab (and survives reloads of it).
export function createBrowserStore(kind: 'localStorage' | 'sessionStorage' = 'localStorage'): KeyValueStore {
  const memory = new Map<string, string>();
  const local = storageOrNull(kind);
  return {
    get(key) {
      try {
        if (local) return local.getItem(key);
      } catch {}
      return memory.get(key) ?? null;
    },
    set(key, value) {
      memory.set(key, value);
      try {
        local?.setItem(key, value);
      } catch {}
    },
  };
}

export function createMemoryStore(): KeyValueStore {
  const memory = new Map<string, string>();
  return {
    get: (key) => memory.get(key) ?? null,
    set: (key, value) => void memory.set(key, value),
  };
}

function storageOrNull(kind: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return globalThis[kind] ?? null;
  } catch {
    return null;
  }
}
