// Property tests of the ingestor's binary decoding: the wire view keeps each
// event's bytes exactly, a record spliced from those bytes decodes to the
// record toBinary would have written, and neither the decoders nor
// validateEvent throw anything but a decode error on any input.
import { create, fromBinary, type MessageInitShape, toBinary } from '@bufbuild/protobuf';
import { EventSchema } from '@gosight/proto/v1/events_pb';
import { IngestBatchRequestSchema } from '@gosight/proto/v1/ingest_pb';
import { EventBatchRecordSchema } from '@gosight/proto/v1/pipeline_pb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeEvent, encodeEventBatchRecord, outgoingEvent } from './event-batch-encoding.ts';
import { validateEvent } from './validate-event.ts';
import { IngestBatchRequestViewSchema } from './wire-view.ts';

const text = fc.string({ unit: 'binary', maxLength: 30 });
const anyDouble = fc.double();
const value = fc.oneof(
  text.map((v) => ({ value: { case: 'stringValue' as const, value: v } })),
  anyDouble.map((v) => ({ value: { case: 'numberValue' as const, value: v } })),
);
const kind = fc.oneof(
  fc.record({ url: text, title: text }).map((v) => ({ case: 'pageView' as const, value: v })),
  fc
    .record({ pageX: anyDouble, pageY: anyDouble, selector: text })
    .map((v) => ({ case: 'click' as const, value: v })),
  fc
    .record({ samples: fc.array(fc.record({ pageX: anyDouble, pageY: anyDouble }), { maxLength: 4 }) })
    .map((v) => ({ case: 'mouseMoves' as const, value: v })),
  fc
    .record({ name: fc.string({ maxLength: 250 }), properties: fc.dictionary(text, value, { maxKeys: 4 }) })
    .map((v) => ({ case: 'custom' as const, value: v })),
  fc.constant({ case: undefined }),
);
const eventInit = fc.record({
  eventId: text,
  timestampMs: fc.bigInt(-(2n ** 63n), 2n ** 63n - 1n),
  sequence: fc.nat(),
  kind,
});
type EventInit = MessageInitShape<typeof EventSchema>;
const event = eventInit.map((init) => create(EventSchema, init as EventInit));
const batch = fc
  .record({ sessionId: text, projectKey: text, events: fc.array(eventInit, { maxLength: 6 }) })
  .map((init) => create(IngestBatchRequestSchema, init as MessageInitShape<typeof IngestBatchRequestSchema>));

describe('binary decoding', () => {
  it('the wire view keeps each event as its exact bytes and writes the request back identically', () => {
    fc.assert(
      fc.property(batch, (request) => {
        const bytes = toBinary(IngestBatchRequestSchema, request);
        const view = fromBinary(IngestBatchRequestViewSchema, bytes);
        expect(view.events.map((b) => fromBinary(EventSchema, b))).toEqual(request.events);
        expect(Buffer.from(toBinary(IngestBatchRequestViewSchema, view)).equals(Buffer.from(bytes))).toBe(
          true,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('a record spliced from encoded events decodes like the whole record', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 6 }), text, (events, sessionId) => {
        const head = {
          projectId: 'p',
          sessionId,
          deviceId: 'd',
          batchId: 'b',
          receivedAtMs: 5n,
          userAgent: '',
          clockSkewMs: 0n,
          tabId: '',
        };
        const spliced = fromBinary(
          EventBatchRecordSchema,
          encodeEventBatchRecord(
            head,
            events.map((e) => outgoingEvent(encodeEvent(e))),
          ),
        );
        expect(spliced).toEqual(create(EventBatchRecordSchema, { ...head, events }));
      }),
      { numRuns: 300 },
    );
  });

  it('decoding any bytes either succeeds or throws a plain decode error, never anything else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        for (const schema of [IngestBatchRequestViewSchema, EventSchema]) {
          try {
            fromBinary(schema, bytes);
          } catch (error) {
            expect(error).toBeInstanceOf(Error);
            expect((error as Error).message).not.toMatch(/call stack|out of memory/i);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('validateEvent never throws, and accepts exactly the events with their required parts', () => {
    fc.assert(
      fc.property(event, (e) => {
        const violation = validateEvent(e, 0);
        if (e.eventId === '' || e.timestampMs <= 0n || e.kind.case === undefined)
          expect(violation).toBeDefined();
        if (
          e.kind.case === 'click' &&
          !(Number.isFinite(e.kind.value.pageX) && Number.isFinite(e.kind.value.pageY))
        )
          expect(violation).toBeDefined();
        if (violation) expect(violation.path.startsWith('events[0]')).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
