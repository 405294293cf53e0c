// The SDK's deferred parts, fetched right after init and off the page's
// critical path (its own chunk in the ESM build, sdk-extras.js next to sdk.js
// for the snippet, extras.cjs in the CommonJS build): web vitals and
// navigation timing (from buffered performance entries), mouse movement (at
// most a moment's worth is not sampled), the offline queue in localStorage,
// gzip of request bodies, reading Connect errors (RetryInfo, Retry-After),
// the retry policy and the properties of identify() and track(). Until they
// have arrived, the queue lives in memory only, bodies go uncompressed,
// identify() / track() wait, and a failed batch is tried again in 30 s.

export { parseError } from './call-error.ts';
export { callGzipped } from './gzip-call.ts';
export { mouseMovesPlugin } from './mouse-moves-plugin.ts';
export { navigationTimingPlugin } from './navigation-timing-plugin.ts';
export { createOutbox } from './outbox.ts';
export { toPropertyMap } from './property-map.ts';
export { retryInfoDelayMs } from './retry-info.ts';
export { retryDecision } from './retry-policy.ts';
export { webVitalsPlugin } from './web-vitals-plugin.ts';
