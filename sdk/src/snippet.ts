// Entry of dist/sdk.js, the file the one-line snippet loads. The snippet
// leaves `window.GoSight = { q: [['init', key]] }`; this replaces it with the
// real API and replays the queue. Later pushes (the snippet pasted twice) run
// at once.
import { type GoSightOptions, init, shutdown } from './index.ts';
import { findScriptOrigin } from './script-origin.ts';

type Command = [name: string, ...args: unknown[]];

interface GoSightGlobal {
  init: typeof init;
  shutdown: typeof shutdown;
  q: { push(command: Command): void };
}

declare global {
  interface Window {
    GoSight?: Partial<GoSightGlobal> | undefined;
  }
}

const scriptOrigin = findScriptOrigin(document);

function run(command: unknown): void {
  if (!Array.isArray(command)) return;
  const [name, arg] = command as Command;
  try {
    if (name === 'init') {
      const options: GoSightOptions =
        typeof arg === 'string' ? { projectKey: arg } : { ...(arg as GoSightOptions) };
      options.endpoint ??= scriptOrigin;
      init(options);
    } else if (name === 'shutdown') {
      void shutdown();
    }
  } catch (error) {
    console.error('GoSight:', error);
  }
}

const pending = window.GoSight?.q;
window.GoSight = { init, shutdown, q: { push: run } };
if (Array.isArray(pending)) for (const command of pending) run(command);
