// Entry of the npm package (ESM and CommonJS builds).
import { setExtrasLoader } from './extras-loader.ts';
import { setReplayLoader } from './replay-loader.ts';

export {
  GoSight,
  grantConsent,
  identify,
  init,
  optIn,
  optOut,
  revokeConsent,
  shutdown,
  track,
} from './api.ts';
export type { GoSightOptions } from './options.ts';
export type { Properties } from './properties.ts';
export type { UrlPattern } from './url-blocklist.ts';

// The recorder is its own chunk, fetched when a session is recorded; the
// extras another, fetched at init.
setReplayLoader(() => import('./replay-recorder.ts'));
setExtrasLoader(() => import('./extras.ts'));
