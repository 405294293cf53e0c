import { markOwnNode } from './own-nodes.ts';

// Loads one of the snippet build's lazy files (sdk-replay.js sets
// window.GoSightReplay, sdk-extras.js window.GoSightExtras) with a script
// tag, once, carrying the snippet script's CSP nonce.
export function createScriptLoader<K extends 'GoSightReplay' | 'GoSightExtras'>(
  global: K,
  src: () => string | undefined,
  nonce: string,
): () => Promise<NonNullable<Window[K]>> {
  type Module = NonNullable<Window[K]>;
  let loading: Promise<Module> | undefined;
  return () => {
    loading ??= new Promise<Module>((resolve, reject) => {
      const ready = () => window[global] as Module | undefined;
      if (ready()) return resolve(ready()!);
      const url = src();
      if (!url) return reject(new Error(`GoSight: cannot tell where ${global} is`));
      const script = document.createElement('script');
      markOwnNode(script);
      script.async = true;
      script.src = url;
      if (nonce) script.nonce = nonce;
      const failed = () => reject(new Error(`GoSight: ${url} did not load`));
      script.onload = () => (ready() ? resolve(ready()!) : failed());
      script.onerror = failed;
      (document.head ?? document.documentElement).appendChild(script);
    }).catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
