import { create } from '@bufbuild/protobuf';
import type { Event } from '@gosight/proto/v1/events_pb';
import { InsightType } from '@gosight/proto/v1/insights_pb';
import { EventBatchRecordSchema } from '@gosight/proto/v1/pipeline_pb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDetectorEngine } from './detector-engine.ts';
import { click, jsError, resetIds } from './test-events.ts';

beforeEach(resetIds);

const OPTIONS = { reorderMs: 1500, latenessMs: 2500 };
const record = (sessionId: string, events: Event[]) =>
  create(EventBatchRecordSchema, {
    projectId: 'p1',
    sessionId,
    page: { url: 'https://shop.example/' },
    events,
  });
const at = (partition: number, offset: number) => ({ partition, offset: String(offset) });

describe('detector engine', () => {
  it('puts a click the SDK reported late back before the error it caused', () => {
    const engine = createDetectorEngine(OPTIONS);
    const error = jsError(10_300, 'boom');
    const late = click(10_000);
    expect(engine.add(record('s1', [error]), at(0, 0), new Map(), 10_400)).toEqual([]);
    const insights = engine.add(record('s1', [late]), at(0, 1), new Map(), 11_100);
    // Neither is released yet: a still earlier event could come.
    expect(insights).toEqual([]);
    const done = engine.tick(10_300 + OPTIONS.latenessMs);
    expect(done.map((i) => [i.type, i.eventIds])).toEqual([
      [InsightType.ERROR_CLICK, [late.eventId, error.eventId]],
    ]);
  });

  it('puts a click before the error its handler threw in the same millisecond', () => {
    const engine = createDetectorEngine(OPTIONS);
    const error = jsError(10_000, 'thrown by the click handler');
    const sameMs = click(10_000);
    engine.add(record('s1', [error, sameMs]), at(0, 0), new Map(), 10_100);
    const done = engine.tick(10_000 + OPTIONS.latenessMs);
    expect(done.map((i) => [i.type, i.eventIds])).toEqual([
      [InsightType.ERROR_CLICK, [sameMs.eventId, error.eventId]],
    ]);
  });

  it('releases events once newer ones make them safe, without waiting for the clock', () => {
    const engine = createDetectorEngine(OPTIONS);
    const insights = engine.add(record('s1', [click(0), jsError(200), click(5000)]), at(0, 0), new Map(), 0);
    expect(insights.map((i) => i.type)).toEqual([InsightType.ERROR_CLICK]);
  });

  it('holds the commit at the first message of a session that still holds state', () => {
    const engine = createDetectorEngine(OPTIONS);
    engine.add(record('a', [click(0)]), at(0, 7), new Map(), 0);
    engine.add(record('b', [click(0)]), at(0, 8), new Map(), 0);
    engine.add(record('c', [click(0)]), at(1, 3), new Map(), 0);
    engine.skip(at(0, 9));
    expect(Object.fromEntries(engine.committable())).toEqual({ 0: '7', 1: '3' });
    expect(engine.sessionCount()).toBe(3);
    engine.tick(100_000);
    expect(Object.fromEntries(engine.committable())).toEqual({ 0: '10', 1: '4' });
    expect(engine.sessionCount()).toBe(0);
  });

  it('forgets sessions of partitions lost in a rebalance', () => {
    const engine = createDetectorEngine(OPTIONS);
    engine.add(record('a', [click(0)]), at(0, 1), new Map(), 0);
    engine.add(record('b', [click(0)]), at(1, 1), new Map(), 0);
    engine.keepPartitions(new Set([1]));
    expect(engine.sessionCount()).toBe(1);
    expect([...engine.committable().keys()]).toEqual([1]);
  });

  it('applies a project’s thresholds to its sessions', () => {
    const engine = createDetectorEngine(OPTIONS);
    const clicks = [click(0), click(100), click(200)];
    const thresholds = new Map([['rage_click', { minClicks: 3, windowMs: 2000, radiusPx: 30 }]]);
    engine.add(record('s1', clicks), at(0, 0), thresholds, 0);
    expect(engine.tick(100_000).map((i) => i.clickCount)).toEqual([3]);
  });
});
