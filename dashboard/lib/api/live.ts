import { Code, ConnectError, createClient } from '@connectrpc/connect';
import { LiveService, type StreamLiveResponse } from '@gosight/proto/v1/live_service_pb';
import { recordApiCall } from '../metrics';
import { transport } from './client';

const live = createClient(LiveService, transport);

/** One live snapshot as plain JSON (what the browser receives). */
export type LiveSnapshot = {
  atMs: number;
  activeSessions: number;
  eventsPerSecond: number;
  pages: { url: string; activeSessions: number }[];
};

export function toSnapshot(message: StreamLiveResponse): LiveSnapshot {
  return {
    atMs: Number(message.atMs),
    activeSessions: Number(message.activeSessions),
    eventsPerSecond: message.eventsPerSecond,
    pages: message.pages.map((page) => ({ url: page.url, activeSessions: Number(page.activeSessions) })),
  };
}

/**
 * Snapshots of LiveService.StreamLive until `signal` aborts (the browser went
 * away) or the API ends the stream. Counted in the dashboard's metrics by
 * outcome, timed until the first snapshot like the API times its streams.
 */
export async function* streamLive(
  token: string,
  projectId: string,
  intervalMs: number,
  signal: AbortSignal,
): AsyncGenerator<LiveSnapshot> {
  const startedAt = performance.now();
  let started = false;
  try {
    const messages = live.streamLive(
      { projectId, intervalMs },
      // No deadline: the stream lasts as long as the page stays open.
      { headers: { authorization: `Bearer ${token}` }, signal, timeoutMs: 0 },
    );
    for await (const message of messages) {
      if (!started) recordApiCall('StreamLive', 'OK', startedAt);
      started = true;
      yield toSnapshot(message);
    }
  } catch (err) {
    const error = ConnectError.from(err);
    // The browser leaving is the normal end of a live stream, not a failure.
    if (signal.aborted && error.code === Code.Canceled) return;
    if (!started) recordApiCall('StreamLive', Code[error.code], startedAt);
    throw error;
  }
}
