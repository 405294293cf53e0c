import { clickPlugin } from './click-plugin.ts';
import { createDelivery } from './delivery.ts';
import { loadDeviceId } from './device-id.ts';
import { encodeEvent, encodeReplayChunk } from './encode-batch.ts';
import { type ExtrasModule, loadExtras, loadedExtras } from './extras-loader.ts';
import { onHistoryChange } from './history-hook.ts';
import { inputChangePlugin } from './input-change-plugin.ts';
import { jsErrorPlugin } from './js-error-plugin.ts';
import { createBrowserStore } from './key-value-store.ts';
import type { ResolvedOptions } from './options.ts';
import type { OutboxStorage } from './outbox.ts';
import { pageContext } from './page-context.ts';
import { pagePlugin } from './page-plugin.ts';
import { pageUrl } from './page-url.ts';
import { type EmitOptions, type EventKind, type GoSightPlugin, startPlugin } from './plugin.ts';
import type { Properties } from './properties.ts';
import type { RawChunk } from './replay-chunk.ts';
import { loadReplay, type ReplayModule } from './replay-loader.ts';
import type { ReplayRecorder } from './replay-recorder.ts';
import { createSessionTracker } from './session-tracker.ts';
import { loadTabId } from './tab-id.ts';
import { createUrlMatcher } from './url-blocklist.ts';
import { createUuidV7 } from './uuidv7.ts';

const MAX_BATCH_BYTES = 512 * 1024;
const MAX_QUEUED_ITEMS = 5000;
const MAX_QUEUED_BYTES = 8 * 1024 * 1024;

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
  // From the first moment of stop(): plugins arriving later do not start.
  let stopping = false;

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

  let recorder: ReplayRecorder | undefined;
  let replayModule: ReplayModule | undefined;
  const pushChunk = (raw: RawChunk, bytes: Uint8Array) =>
    delivery.push({ sessionId: raw.sessionId, tabId, chunk: true, bytes });
  // Gzip is asynchronous; chaining keeps chunks in recording order.
  let encoding = Promise.resolve();
  const flush = (): Promise<void> => {
    const chunks = recorder?.cut() ?? [];
    encoding = encoding.then(async () => {
      for (const raw of chunks) pushChunk(raw, encodeReplayChunk(await replayModule!.chunkInit(raw, true)));
    });
    return encoding.then(() => delivery.flush());
  };
  // While the page goes away: no awaits before the requests start.
  const flushForUnload = () => {
    for (const raw of recorder?.cut() ?? [])
      pushChunk(raw, encodeReplayChunk(replayModule!.chunkInitSync(raw)));
    delivery.flushForUnload();
  };

  // The page plugin first: its page view starts (or continues) the session
  // before anything else is numbered in it.
  const plugins: GoSightPlugin<never>[] = [
    pagePlugin({ blocked, scrollStepPercent: 10 }),
    clickPlugin({ observeMs: options.clickObserveMs }),
    inputChangePlugin(),
    jsErrorPlugin({ maxPerPage: 100 }),
  ] as GoSightPlugin<never>[];
  const stopPlugins = plugins.map((plugin) => startPlugin(plugin, emit, win));

  if (options.replay && options.replaySampleRate > 0) {
    loadReplay()
      .then((replay) => {
        if (stopped) return;
        replayModule = replay;
        recorder = replay.startReplayRecorder({
          session,
          sampleRate: options.replaySampleRate,
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
  const listenForHide = (listen: boolean) => {
    const method = listen ? 'addEventListener' : 'removeEventListener';
    win.document[method]('visibilitychange', onVisibility);
    win[method]('pagehide', flushForUnload);
  };
  listenForHide(true);
  win.addEventListener('popstate', onRoute);
  // The deferred plugins read buffered performance entries, so starting them
  // late loses nothing; the hide listeners move after theirs.
  loadExtras()
    .then((extras) => {
      if (stopping) return;
      for (const plugin of [
        extras.mouseMovesPlugin({ sampleIntervalMs: 50, maxSpanMs: 2000, maxSamples: 50 }),
        extras.webVitalsPlugin(),
        extras.navigationTimingPlugin(),
      ]) {
        stopPlugins.push(startPlugin(plugin as GoSightPlugin<never>, emit, win));
      }
      listenForHide(false);
      listenForHide(true);
    })
    .catch((error: unknown) => console.warn('GoSight: extras are off:', error));
  const timer = setInterval(() => void flush(), options.flushIntervalMs);

  // identify() and track() with the time of the call, once the extras are here.
  const withExtras = (make: (extras: ExtrasModule) => EventKind) => {
    const timestampMs = Date.now();
    const extras = loadedExtras();
    if (extras) emit(make(extras), { timestampMs });
    else
      loadExtras().then(
        (loaded) => emit(make(loaded), { timestampMs }),
        () => {},
      );
  };
  return {
    identify(userId, traits) {
      if (typeof userId !== 'string' || userId === '') return;
      withExtras((x) => ({
        case: 'identify',
        value: { userId: userId.slice(0, 256), traits: x.toPropertyMap(traits) },
      }));
    },
    track(name, properties) {
      if (typeof name !== 'string' || name === '') return;
      withExtras((x) => ({
        case: 'custom',
        value: { name: name.slice(0, 256), properties: x.toPropertyMap(properties) },
      }));
    },
    async stop(sendQueued) {
      stopping = true;
      clearInterval(timer);
      listenForHide(false);
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
