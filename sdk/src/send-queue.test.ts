import { create } from '@bufbuild/protobuf';
import { Code, ConnectError } from '@connectrpc/connect';
import { EventSchema } from '@gosight/proto/v1/events_pb';
import { type IngestBatchRequest, IngestBatchRequestSchema } from '@gosight/proto/v1/ingest_pb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QueueItem } from './queue-item.ts';
import { createSendQueue, type SendQueueOptions } from './send-queue.ts';

const event = (id: string, sessionId = 's1'): QueueItem => ({
  sessionId,
  event: create(EventSchema, { eventId: id }),
});

function setup(send: SendQueueOptions['send']) {
  let batches = 0;
  const drops: string[] = [];
  const queue = createSendQueue({
    maxEvents: 2,
    maxChunkBytes: 1000,
    maxQueuedItems: 10,
    random: () => 0.5,
    onDrop: (reason) => drops.push(reason),
    buildRequest: (sessionId, items) =>
      create(IngestBatchRequestSchema, {
        batchId: `b${++batches}`,
        sessionId,
        events: items.flatMap((item) => (item.event ? [item.event] : [])),
      }),
    send,
  });
  return { queue, drops };
}

const ids = (request: IngestBatchRequest) => request.events.map((e) => e.eventId);

describe('createSendQueue', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('sends batches in order, split by size and session', async () => {
    const sent: IngestBatchRequest[] = [];
    const { queue } = setup(async (request) => void sent.push(request));
    for (const item of [event('1'), event('2'), event('3'), event('4', 's2')]) queue.push(item);
    expect(queue.pendingEvents()).toBe(4);
    await queue.drain();
    expect(sent.map((r) => [r.batchId, r.sessionId, ids(r)])).toEqual([
      ['b1', 's1', ['1', '2']],
      ['b2', 's1', ['3']],
      ['b3', 's2', ['4']],
    ]);
    expect(queue.pendingEvents()).toBe(0);
  });

  it('retries the same batch with back-off 1 s, 2 s, 4 s', async () => {
    const attempts: { at: number; request: IngestBatchRequest }[] = [];
    const start = Date.now();
    const { queue } = setup(async (request) => {
      attempts.push({ at: Date.now() - start, request });
      if (attempts.length <= 3) throw new ConnectError('down', Code.Unavailable);
    });
    queue.push(event('1'));
    const done = queue.drain();
    queue.push(event('2'));
    queue.push(event('3'));
    await vi.advanceTimersByTimeAsync(10_000);
    await done;
    expect(attempts.map((a) => a.at)).toEqual([0, 1000, 3000, 7000, 7000]);
    expect(attempts.slice(0, 4).map((a) => a.request.batchId)).toEqual(['b1', 'b1', 'b1', 'b1']);
    expect(attempts[3]!.request).toBe(attempts[0]!.request);
    expect(ids(attempts[4]!.request)).toEqual(['2', '3']);
  });

  it('drops a batch the server rejects for good and goes on', async () => {
    const sent: string[] = [];
    const { queue, drops } = setup(async (request) => {
      if (request.batchId === 'b1') throw new ConnectError('bad batch', Code.InvalidArgument);
      sent.push(request.batchId);
    });
    queue.push(event('1'));
    queue.push(event('2'));
    queue.push(event('3'));
    await queue.drain();
    expect(sent).toEqual(['b2']);
    expect(drops).toEqual(['[invalid_argument] bad batch']);
  });

  it('hurry skips the wait; stop makes one last attempt and ends the loop', async () => {
    let calls = 0;
    const { queue } = setup(async () => {
      calls++;
      throw new ConnectError('down', Code.Unavailable);
    });
    queue.push(event('1'));
    const done = queue.drain();
    await vi.advanceTimersByTimeAsync(0);
    queue.hurry();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(2);
    queue.stop();
    await done;
    expect(calls).toBe(3);
  });

  it('drops new items past maxQueuedItems', () => {
    const { queue, drops } = setup(async () => {});
    for (let i = 0; i < 12; i++) queue.push(event(String(i)));
    expect(queue.pendingEvents()).toBe(10);
    expect(drops).toEqual(['queue full', 'queue full']);
  });
});
