import type { KeyValueStore } from './key-value-store.ts';

const TAB_KEY = 'gosight_tab_id';

// This tab's id, kept in sessionStorage: it survives reloads of the tab and is
// new in every other tab, so two tabs of one session record separate replays.
export function loadTabId(tabStore: KeyValueStore, createId: () => string): string {
  const stored = tabStore.get(TAB_KEY);
  if (stored) return stored;
  const id = createId();
  tabStore.set(TAB_KEY, id);
  return id;
}
