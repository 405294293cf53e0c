import { markOwnNode } from './own-nodes.ts';
import type { ReplayLoader, ReplayModule } from './replay-loader.ts';

// Loads sdk-replay.js (which sets window.GoSightReplay) with a script tag,
// once, carrying the snippet script's CSP nonce.
export function createScriptReplayLoader(src: () => string | undefined, nonce: string): ReplayLoader {
  let loading: Promise<ReplayModule> | undefined;
  return () => {
    loading ??= new Promise<ReplayModule>((resolve, reject) => {
      if (window.GoSightReplay) return resolve(window.GoSightReplay);
      const url = src();
      if (!url) return reject(new Error('GoSight: cannot tell where sdk-replay.js is'));
      const script = document.createElement('script');
      markOwnNode(script);
      script.async = true;
      script.src = url;
      if (nonce) script.nonce = nonce;
      script.onload = () =>
        window.GoSightReplay
          ? resolve(window.GoSightReplay)
          : reject(new Error(`GoSight: ${url} did not load`));
      script.onerror = () => reject(new Error(`GoSight: ${url} did not load`));
      (document.head ?? document.documentElement).appendChild(script);
    }).catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
