import type * as Extras from './extras.ts';

export type ExtrasModule = typeof Extras;

declare global {
  interface Window {
    // Set by sdk-extras.js.
    GoSightExtras?: ExtrasModule;
  }
}

// Each build entry says how the extras are fetched (a dynamic import, a
// require, a script tag); loaded once, then also available synchronously.
let loader: (() => Promise<ExtrasModule>) | undefined;
let loading: Promise<ExtrasModule> | undefined;
let loaded: ExtrasModule | undefined;

export function setExtrasLoader(next: () => Promise<ExtrasModule>): void {
  loader = next;
}

export function loadExtras(): Promise<ExtrasModule> {
  loading ??= (loader ? loader() : Promise.reject(new Error('GoSight: no extras in this build'))).then(
    (module) => {
      loaded = module;
      return module;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

export const loadedExtras = (): ExtrasModule | undefined => loaded;
