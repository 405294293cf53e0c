import { clickPlugin } from './click-plugin.ts';
import { createDelivery } from './delivery.ts';
import { loadDeviceId } from './device-id.ts';
import { encodeEvent } from './encode-batch.ts';
import { encodeChunk, encodeChunkSync } from './encode-chunk.ts';
import { onHistoryChange } from './history-hook.ts';
import { inputChangePlugin } from './input-change-plugin.ts';
import { jsErrorPlugin } from './js-error-plugin.ts';
import { createBrowserStore } from './key-value-store.ts';
import { mouseMovesPlugin } from './mouse-moves-plugin.ts';
import { navigationTimingPlugin } from './navigation-timing-plugin.ts';
import type { ResolvedOptions } from './options.ts';
import type { OutboxStorage } from './outbox.ts';
import { pageContext } from './page-context.ts';
import { pagePlugin } from './page-plugin.ts';
import { pageUrl } from './page-url.ts';
import { type EmitOptions, type EventKind, type GoSightPlugin, startPlugin } from './plugin.ts';
import type { Properties } from './properties.ts';
import { toPropertyMap } from './property-map.ts';
import type { RawChunk } from './replay-chunk.ts';
import { loadReplay } from './replay-loader.ts';
import type { ReplayRecorder } from './replay-recorder.ts';
import { inSample } from './sampling.ts';
import { createSessionTracker } from './session-tracker.ts';
import { loadTabId } from './tab-id.ts';
import { createUrlMatcher } from './url-blocklist.ts';
import { createUuidV7 } from './uuidv7.ts';
import { webVitalsPlugin } from './web-vitals-plugin.ts';

const MAX_BATCH_BYTES = 512 * 1024;
const MAX_QUEUED_ITEMS = 5000;
const MAX_QUEUED_BYTES = 8 * 1024 * 1024;
export const DROPPED_EVENT_NAME = '$gosight_dropped';

export interface Tracker {
  identify(userId: string, traits?: Properties): void;
  track(name: string, properties?: Properties): void;
  stop(sendQueued: boolean): Promise<void>;
}

// Wires capture, replay and delivery together for one page.
export function startTracker(options: ResolvedOptions, win: Window = window): Tracker {
  const newId = createUuidV7();
  const store = createBrowserStore();
  const tabStore = createBrowserStore('sessionStorage');
  const deviceId = loadDeviceId(store, newId);
  const tabId = loadTabId(tabStore, newId);
  const session = createSessionTracker(store, newId, tabStore);
  const blocked = createUrlMatcher(options.blockUrls);
  const currentUrl = () => pageUrl(win.location.href);
  let stopped = false;

  const delivery = createDelivery({
    endpoint: options.endpoint,
    projectKey: options.projectKey,
    deviceId,
    tabId,
    compress: options.compress,
    maxBatchEvents: options.maxBatchEvents,
    maxBatchBytes: MAX_BATCH_BYTES,
    maxQueuedItems: MAX_QUEUED_ITEMS,
    maxQueuedBytes: MAX_QUEUED_BYTES,
    newId,
    pageContext: () => pageContext(win, blocked(currentUrl())),
    store,
    outboxStorage: localStorageOrUndefined(win),
    win,
  });

  const emit = (kind: EventKind, { timestampMs = Date.now(), activity = true, href }: EmitOptions = {}) => {
    if (stopped || !kind) return;
    const url = href === undefined ? currentUrl() : pageUrl(href);
    // The page plugin leaves blocked URLs out of these itself.
    const own = kind.case === 'pageLeave' || kind.case === 'routeChange';
    if (blocked(url) && !own) return;
    const { sessionId, sequence } = session.nextEventSequence(timestampMs, activity);
    const event = {
      eventId: newId(),
      timestampMs: BigInt(timestampMs),
      sequence,
      url: blocked(url) ? '' : url,
      kind,
    };
    delivery.push({ sessionId, tabId, chunk: false, bytes: encodeEvent(event) });
    if (delivery.pendingEvents() >= options.maxBatchEvents) flush();
  };

  const reportDrops = () => {
    const drops = delivery.takeDrops();
    if (drops.events === 0 && drops.chunks === 0) return;
    const properties = toPropertyMap({ events: drops.events, replay_chunks: drops.chunks });
    emit({ case: 'custom', value: { name: DROPPED_EVENT_NAME, properties } }, { activity: false });
  };

  let recorder: ReplayRecorder | undefined;
  const pushChunk = (raw: RawChunk, bytes: Uint8Array) =>
    delivery.push({ sessionId: raw.sessionId, tabId, chunk: true, bytes });
  // Gzip is asynchronous; chaining keeps chunks in recording order.
  let encoding = Promise.resolve();
  const flush = (): Promise<void> => {
    reportDrops();
    const chunks = recorder?.cut() ?? [];
    encoding = encoding.then(async () => {
      for (const raw of chunks) pushChunk(raw, await encodeChunk(raw, true));
    });
    return encoding.then(() => delivery.flush());
  };
  // While the page goes away: no awaits before the requests start.
  const flushForUnload = () => {
    for (const raw of recorder?.cut() ?? []) pushChunk(raw, encodeChunkSync(raw));
    delivery.flushForUnload();
  };

  // The page plugin first: its page view starts (or continues) the session
  // before anything else is numbered in it.
  const plugins: GoSightPlugin<never>[] = [
    pagePlugin({ blocked, scrollStepPercent: 10 }),
    clickPlugin({ observeMs: options.clickObserveMs }),
    mouseMovesPlugin({ sampleIntervalMs: 50, maxSpanMs: 2000, maxSamples: 50 }),
    inputChangePlugin(),
    jsErrorPlugin({ maxPerPage: 100 }),
    webVitalsPlugin(),
    navigationTimingPlugin(),
  ] as GoSightPlugin<never>[];
  const stopPlugins = plugins.map((plugin) => startPlugin(plugin, emit, win));

  if (options.replay && options.replaySampleRate > 0) {
    loadReplay()
      .then((replay) => {
        if (stopped) return;
        recorder = replay.startReplayRecorder({
          session,
          sampled: (sessionId) => inSample(sessionId, options.replaySampleRate),
          paused: blocked(currentUrl()),
        });
      })
      .catch((error: unknown) => console.warn('GoSight: replay is off:', error));
  }
  const onRoute = () => recorder?.setPaused(blocked(currentUrl()));
  const unhookHistory = onHistoryChange(win, onRoute);

  // After the plugins: on pagehide they emit what they hold, then this sends it.
  const onVisibility = () => {
    if (win.document.visibilityState === 'hidden') flushForUnload();
  };
  win.document.addEventListener('visibilitychange', onVisibility);
  win.addEventListener('pagehide', flushForUnload);
  win.addEventListener('popstate', onRoute);
  const timer = setInterval(() => void flush(), options.flushIntervalMs);

  return {
    identify(userId, traits) {
      if (typeof userId !== 'string' || userId === '') return;
      emit({ case: 'identify', value: { userId: userId.slice(0, 256), traits: toPropertyMap(traits) } });
    },
    track(name, properties) {
      if (typeof name !== 'string' || name === '') return;
      emit({ case: 'custom', value: { name: name.slice(0, 256), properties: toPropertyMap(properties) } });
    },
    async stop(sendQueued) {
      clearInterval(timer);
      win.document.removeEventListener('visibilitychange', onVisibility);
      win.removeEventListener('pagehide', flushForUnload);
      win.removeEventListener('popstate', onRoute);
      unhookHistory();
      for (const stopPlugin of stopPlugins) stopPlugin();
      recorder?.stop();
      if (sendQueued) await flush();
      stopped = true;
      await delivery.stop(sendQueued);
    },
  };
}

function localStorageOrUndefined(win: Window): OutboxStorage | undefined {
  try {
    return win.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}
