import type { UrlPattern } from './url-blocklist.ts';

export interface GoSightOptions {
  // The project's public write key.
  projectKey: string;
  // Base URL of the ingestor. The snippet defaults it to the origin sdk.js was
  // loaded from; the npm package to the page's origin.
  endpoint?: string;
  // Record sessions with rrweb (inputs always masked). Default true.
  replay?: boolean;
  // Share of sessions recorded, 0 to 1. Default 1.
  replaySampleRate?: number;
  // Where the snippet build finds sdk-replay.js; default: next to sdk.js.
  replayScriptUrl?: string;
  // Pages on which nothing is captured or recorded: a string matches a URL
  // containing it (`*` stands for any characters), a RegExp is tested.
  blockUrls?: UrlPattern[];
  // Capture nothing until grantConsent(). Default false.
  requireConsent?: boolean;
  // Capture nothing when the browser sends Do Not Track or Global Privacy
  // Control. Default true.
  respectDoNotTrack?: boolean;
  // Gzip request bodies (Content-Encoding) where the browser can. Default true.
  compress?: boolean;
  // Send what is queued every this many ms. Default 2000.
  flushIntervalMs?: number;
  // Flush as soon as this many events wait. Default 50.
  maxBatchEvents?: number;
  // How long to watch the page's reaction to a click before sending it. Default 1000.
  clickObserveMs?: number;
}

export interface ResolvedOptions {
  projectKey: string;
  endpoint: string;
  replay: boolean;
  replaySampleRate: number;
  replayScriptUrl: string | undefined;
  blockUrls: UrlPattern[];
  requireConsent: boolean;
  respectDoNotTrack: boolean;
  compress: boolean;
  flushIntervalMs: number;
  maxBatchEvents: number;
  clickObserveMs: number;
}

export function resolveOptions(options: GoSightOptions, defaultEndpoint: string): ResolvedOptions {
  if (typeof options?.projectKey !== 'string' || options.projectKey === '') {
    throw new TypeError('GoSight.init: projectKey is required');
  }
  return {
    projectKey: options.projectKey,
    endpoint: (options.endpoint ?? defaultEndpoint).replace(/\/+$/, ''),
    replay: options.replay ?? true,
    replaySampleRate: Math.min(1, Math.max(0, options.replaySampleRate ?? 1)),
    replayScriptUrl: options.replayScriptUrl,
    blockUrls: Array.isArray(options.blockUrls) ? options.blockUrls : [],
    requireConsent: options.requireConsent ?? false,
    respectDoNotTrack: options.respectDoNotTrack ?? true,
    compress: options.compress ?? true,
    flushIntervalMs: Math.max(100, options.flushIntervalMs ?? 2000),
    maxBatchEvents: Math.min(500, Math.max(1, options.maxBatchEvents ?? 50)),
    clickObserveMs: Math.max(0, options.clickObserveMs ?? 1000),
  };
}
