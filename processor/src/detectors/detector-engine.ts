import type { Event } from '@gosight/proto/v1/events_pb';
import type { Insight } from '@gosight/proto/v1/insights_pb';
import type { EventBatchRecord } from '@gosight/proto/v1/pipeline_pb';
import { createSessionDetectors, type ProjectThresholds } from './session-detectors.ts';
import type { EventContext, SessionDetector } from './types.ts';

export interface EngineOptions {
  // The SDK reports a click only after watching its reaction, so a session's
  // events can reach Kafka out of timestamp order by up to about this much.
  reorderMs: number;
  // How long after an event's time (processor clock) more events of the
  // session may still arrive; windows close when this has passed.
  latenessMs: number;
}

export interface MessagePosition {
  partition: number;
  offset: string;
}

interface SessionState {
  detectors: SessionDetector;
  // Events not yet handed to the detectors, in timestamp order.
  buffer: { event: Event; context: EventContext; timestampMs: number }[];
  maxTimestampMs: number;
  partition: number;
  // Offset of the first message whose events are still held (in the buffer or
  // a detector's window); a restart must re-read from there.
  heldFrom: bigint;
}

export interface DetectorEngine {
  add(
    record: EventBatchRecord,
    position: MessagePosition,
    thresholds: ProjectThresholds,
    nowMs: number,
  ): Insight[];
  // A message with nothing for the detectors (or that could not be decoded).
  skip(position: MessagePosition): void;
  // Releases what the processor clock says is complete.
  tick(nowMs: number): Insight[];
  // Next offset to commit per partition: nothing before it is still needed.
  committable(): Map<number, string>;
  // After a rebalance: forget sessions of partitions this member lost.
  keepPartitions(partitions: ReadonlySet<number>): void;
  sessionCount(): number;
}

// Runs the detectors over the events topic: per session, puts events in
// timestamp order, feeds them to the detectors once no earlier event can
// still come, and keeps track of which offsets are safe to commit. Pure: the
// processor clock is passed in.
export function createDetectorEngine(options: EngineOptions): DetectorEngine {
  const sessions = new Map<string, SessionState>();
  const nextOffsets = new Map<number, bigint>();

  function release(key: string, state: SessionState, nowMs: number): Insight[] {
    const watermark = Math.max(state.maxTimestampMs - options.reorderMs, nowMs - options.latenessMs);
    const insights: Insight[] = [];
    let released = 0;
    while (released < state.buffer.length && (state.buffer[released]?.timestampMs ?? 0) <= watermark) {
      const { event, context } = state.buffer[released] as SessionState['buffer'][number];
      insights.push(...state.detectors.handle(event, context));
      released++;
    }
    if (released > 0) state.buffer.splice(0, released);
    insights.push(...state.detectors.flush(watermark));
    if (state.buffer.length === 0 && state.detectors.idle()) sessions.delete(key);
    return insights;
  }

  return {
    add(record, position, thresholds, nowMs) {
      const offset = BigInt(position.offset);
      nextOffsets.set(position.partition, offset + 1n);
      if (record.events.length === 0) return [];
      const key = `${record.projectId}:${record.sessionId}`;
      let state = sessions.get(key);
      if (!state) {
        state = {
          detectors: createSessionDetectors(thresholds),
          buffer: [],
          maxTimestampMs: Number.NEGATIVE_INFINITY,
          partition: position.partition,
          heldFrom: offset,
        };
        sessions.set(key, state);
      }
      const pageContext = {
        projectId: record.projectId,
        sessionId: record.sessionId,
        url: record.page?.url ?? '',
      };
      for (const event of record.events) {
        const timestampMs = Number(event.timestampMs);
        const context = event.url ? { ...pageContext, url: event.url } : pageContext;
        // Insert in timestamp order; equal times keep their arrival order, except
        // that a click goes before what happened in its own millisecond: the SDK
        // reports a click only after watching its reaction, so an error its
        // handler threw synchronously arrives first with the same timestamp.
        const isClick = event.kind.case === 'click';
        let at = state.buffer.length;
        while (at > 0) {
          const previous = state.buffer[at - 1]!;
          const later = previous.timestampMs > timestampMs;
          const sameMsNonClick =
            isClick && previous.timestampMs === timestampMs && previous.event.kind.case !== 'click';
          if (!later && !sameMsNonClick) break;
          at--;
        }
        state.buffer.splice(at, 0, { event, context, timestampMs });
        if (timestampMs > state.maxTimestampMs) state.maxTimestampMs = timestampMs;
      }
      return release(key, state, nowMs);
    },
    skip(position) {
      nextOffsets.set(position.partition, BigInt(position.offset) + 1n);
    },
    tick(nowMs) {
      const insights: Insight[] = [];
      for (const [key, state] of sessions) insights.push(...release(key, state, nowMs));
      return insights;
    },
    committable() {
      const result = new Map<number, string>();
      for (const [partition, next] of nextOffsets) {
        let safe = next;
        for (const state of sessions.values()) {
          if (state.partition === partition && state.heldFrom < safe) safe = state.heldFrom;
        }
        result.set(partition, safe.toString());
      }
      return result;
    },
    keepPartitions(partitions) {
      for (const [key, state] of sessions) if (!partitions.has(state.partition)) sessions.delete(key);
      for (const partition of nextOffsets.keys())
        if (!partitions.has(partition)) nextOffsets.delete(partition);
    },
    sessionCount: () => sessions.size,
  };
}
