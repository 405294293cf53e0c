// The wire check must never accept what the protobuf-es path would reject:
// whenever it answers, fromBinary decodes the bytes to an event validateEvent
// accepts, with the same id and timestamp. It may decline (the ingestor then
// decodes), but must accept the common valid events, or it saves nothing.
import { create, fromBinary, type MessageInitShape, toBinary } from '@bufbuild/protobuf';
import { EventSchema } from '@gosight/proto/v1/events_pb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benchBatch } from '../../bench/ingest/batches.ts';
import { checkEventWire } from './event-wire-check.ts';
import { validateEvent } from './validate-event.ts';

const text = fc.oneof(
  fc.constant(''),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ maxLength: 140 }),
);
const num = fc.oneof(fc.double(), fc.constantFrom(0, 1.5, Number.NaN, Number.POSITIVE_INFINITY));
const small = fc.integer({ min: 0, max: 3 });
const kind = fc.oneof(
  fc.record({ url: text, title: text }).map((value) => ({ case: 'pageView', value })),
  fc.record({ fromUrl: text, toUrl: text }).map((value) => ({ case: 'routeChange', value })),
  fc
    .record({
      pageX: num,
      pageY: num,
      targetXRatio: num,
      targetYRatio: num,
      selector: text,
      interactive: fc.boolean(),
    })
    .map((value) => ({ case: 'click', value: { ...value, reaction: { observedMs: 5, domMutationMs: 3 } } })),
  fc
    .record({
      samples: fc.array(fc.record({ offsetMs: fc.nat(), pageX: num, pageY: num }), { maxLength: 3 }),
    })
    .map((value) => ({ case: 'mouseMoves', value })),
  fc.record({ kind: small, message: text, line: fc.nat() }).map((value) => ({ case: 'jsError', value })),
  fc.record({ name: small, value: num }).map((value) => ({ case: 'webVital', value })),
  fc.record({ depthPx: fc.nat(), depthPercent: fc.nat(100) }).map((value) => ({ case: 'scroll', value })),
  fc.record({ selector: text, valueLength: fc.nat() }).map((value) => ({ case: 'inputChange', value })),
  fc.record({ dwellMs: fc.nat(), url: text }).map((value) => ({ case: 'pageLeave', value })),
  fc.record({ dnsMs: fc.nat(), loadMs: fc.nat() }).map((value) => ({ case: 'navigationTiming', value })),
  fc
    .record({
      name: text,
      properties: fc.dictionary(text, fc.record({ value: fc.constant({ case: 'numberValue', value: 1 }) }), {
        maxKeys: 3,
      }),
    })
    .map((value) => ({ case: 'custom', value })),
  fc.constant({ case: undefined }),
);
const event = fc
  .record({
    eventId: text,
    timestampMs: fc.oneof(
      fc.bigInt(-(2n ** 63n), 2n ** 63n - 1n),
      fc.constantFrom(0n, 1n, 1_700_000_000_000n),
    ),
    sequence: fc.nat(),
    url: text,
    kind,
  })
  .map((init) => create(EventSchema, init as MessageInitShape<typeof EventSchema>));

// Encoded events, some of them damaged: a byte changed, cut short, or bytes appended.
const damage = fc.oneof(
  fc.constant((b: Uint8Array) => b),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([at, value]) => (b: Uint8Array) => {
    const copy = Uint8Array.from(b);
    if (copy.length > 0) copy[at % copy.length] = value;
    return copy;
  }),
  fc.nat().map((cut) => (b: Uint8Array) => b.subarray(0, cut % (b.length + 1))),
  fc
    .uint8Array({ minLength: 1, maxLength: 12 })
    .map((tail) => (b: Uint8Array) => Uint8Array.from([...b, ...tail])),
);

function agreesWithProtobufEs(bytes: Uint8Array) {
  const checked = checkEventWire(bytes);
  if (checked === undefined) return;
  const decoded = fromBinary(EventSchema, bytes);
  expect(validateEvent(decoded, 0)).toBeUndefined();
  expect(checked).toEqual({ eventId: decoded.eventId, timestampMs: decoded.timestampMs });
}

describe('checkEventWire', () => {
  it('accepts only events that protobuf-es decodes and validateEvent accepts, with their id and timestamp', () => {
    fc.assert(
      fc.property(event, damage, (e, harm) => agreesWithProtobufEs(harm(toBinary(EventSchema, e)))),
      { numRuns: 5000 },
    );
  });

  it('agrees on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), agreesWithProtobufEs), { numRuns: 5000 });
  });

  it('accepts every valid event of a kind it checks, as the SDK encodes it', () => {
    fc.assert(
      fc.property(event, (e) => {
        const supported = e.kind.case !== 'custom' && e.kind.case !== 'identify';
        if (supported && validateEvent(e, 0) === undefined)
          expect(checkEventWire(toBinary(EventSchema, e))).toBeDefined();
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts the events of the benchmark batch', () => {
    const batch = benchBatch('key', 'session', 50, (kind, i) => `${kind}-${i}`);
    for (const e of batch.events) expect(checkEventWire(toBinary(EventSchema, e))).toBeDefined();
  });

  it.each([
    ['an unknown field', [0x0a, 0x01, 0x61, 0x10, 0x01, 0xf8, 0x07, 0x01, 0x5a, 0x00]],
    ['two oneof members', [0x0a, 0x01, 0x61, 0x10, 0x01, 0x72, 0x00, 0x5a, 0x00]],
    ['a string with invalid UTF-8', [0x0a, 0x01, 0xff, 0x10, 0x01, 0x72, 0x00]],
    ['a nested message cut short', [0x0a, 0x01, 0x61, 0x10, 0x01, 0x5a, 0x05, 0x09]],
  ])('declines %s', (_, bytes) => {
    expect(checkEventWire(Uint8Array.from(bytes))).toBeUndefined();
  });
});
