// Entry of dist/sdk.js, the file the one-line snippet loads. The snippet
// leaves `window.GoSight = { q: [['init', key]] }`; this replaces it with the
// real API and replays the queue. Later pushes (the snippet pasted twice) run
// at once.
import { GoSight } from './api.ts';
import { setExtrasLoader } from './extras-loader.ts';
import type { GoSightOptions } from './options.ts';
import { setReplayLoader } from './replay-loader.ts';
import { createScriptLoader } from './script-loader.ts';
import { findScriptUrl } from './script-origin.ts';

type Command = [name: string, ...args: unknown[]];
type Api = typeof GoSight;

declare global {
  interface Window {
    GoSight?: (Partial<Api> & { q?: { push(command: Command): void } | Command[] }) | undefined;
  }
}

const scriptUrl = findScriptUrl(document);
const current = document.currentScript as HTMLScriptElement | null;
let replayScriptUrl: string | undefined;
const nonce = current?.nonce ?? '';
// sdk-extras.js sits next to sdk-replay.js, by default next to sdk.js.
const nextTo = (file: string) => {
  const base = replayScriptUrl ?? scriptUrl;
  return base && new URL(file, base).href;
};
setReplayLoader(createScriptLoader('GoSightReplay', () => replayScriptUrl ?? nextTo('sdk-replay.js'), nonce));
setExtrasLoader(createScriptLoader('GoSightExtras', () => nextTo('sdk-extras.js'), nonce));

function run(command: unknown): void {
  if (!Array.isArray(command)) return;
  const [name, ...args] = command as Command;
  try {
    if (name === 'init') {
      const arg = args[0];
      const options: GoSightOptions =
        typeof arg === 'string' ? { projectKey: arg } : { ...(arg as GoSightOptions) };
      options.endpoint ??= scriptUrl?.origin;
      replayScriptUrl = options.replayScriptUrl;
      GoSight.init(options);
    } else if (Object.hasOwn(GoSight, name)) {
      (GoSight[name as keyof Api] as (...a: unknown[]) => unknown)(...args);
    }
  } catch (error) {
    console.error('GoSight:', error);
  }
}

const pending = window.GoSight?.q;
window.GoSight = { ...GoSight, q: { push: run } };
if (Array.isArray(pending)) for (const command of pending) run(command);
