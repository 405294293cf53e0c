export interface GoSightOptions {
  // The project's public write key.
  projectKey: string;
  // Base URL of the ingestor. The snippet defaults it to the origin sdk.js was
  // loaded from; the npm package to the page's origin.
  endpoint?: string;
  // Record the session with rrweb (inputs are always masked).
  replay?: boolean;
  flushIntervalMs?: number;
  // Flush as soon as this many events wait, without waiting for the interval.
  maxBatchEvents?: number;
}

export type ResolvedOptions = Required<GoSightOptions>;

export function resolveOptions(options: GoSightOptions, defaultEndpoint: string): ResolvedOptions {
  if (typeof options?.projectKey !== 'string' || options.projectKey === '') {
    throw new TypeError('GoSight.init: projectKey is required');
  }
  return {
    projectKey: options.projectKey,
    endpoint: (options.endpoint ?? defaultEndpoint).replace(/\/+$/, ''),
    replay: options.replay ?? true,
    flushIntervalMs: Math.max(100, options.flushIntervalMs ?? 2000),
    maxBatchEvents: Math.max(1, options.maxBatchEvents ?? 50),
  };
}
