import type { KeyValueStore } from './key-value-store.ts';

const OPT_OUT_KEY = 'gosight_opt_out';
const CONSENT_KEY = 'gosight_consent';

export interface ConsentState {
  optedOut: boolean;
  consented: boolean;
}

// The visitor's choices, remembered in localStorage across visits.
export function readConsent(store: KeyValueStore): ConsentState {
  return { optedOut: store.get(OPT_OUT_KEY) === '1', consented: store.get(CONSENT_KEY) === '1' };
}

export function writeConsent(store: KeyValueStore, state: ConsentState): void {
  store.set(OPT_OUT_KEY, state.optedOut ? '1' : '0');
  store.set(CONSENT_KEY, state.consented ? '1' : '0');
}

// Do Not Track, and its successor Global Privacy Control.
export function doNotTrack(win: Window): boolean {
  const nav = win.navigator as Navigator & { globalPrivacyControl?: boolean; msDoNotTrack?: string };
  const dnt = nav.doNotTrack ?? (win as Window & { doNotTrack?: string }).doNotTrack ?? nav.msDoNotTrack;
  return dnt === '1' || dnt === 'yes' || nav.globalPrivacyControl === true;
}
