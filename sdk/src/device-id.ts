import type { KeyValueStore } from './key-value-store.ts';

const DEVICE_KEY = 'gosight_device_id';

export function loadDeviceId(store: KeyValueStore, createId: () => string): string {
  const stored = store.get(DEVICE_KEY);
  if (stored) return stored;
  const id = createId();
  store.set(DEVICE_KEY, id);
  return id;
}
