// Entry of dist/sdk-replay.js, which sdk.js loads with a script tag when the
// session is recorded.
import type {} from './replay-loader.ts';
import { chunkInit, chunkInitSync, startReplayRecorder } from './replay-recorder.ts';

window.GoSightReplay = { startReplayRecorder, chunkInit, chunkInitSync };
