import { create, type MessageInitShape, toBinary } from '@bufbuild/protobuf';
import { type EventSchema, JsErrorKind } from '@gosight/proto/v1/events_pb';
import { EventBatchRecordSchema } from '@gosight/proto/v1/pipeline_pb';

type EventInit = MessageInitShape<typeof EventSchema>;

export interface StreamRecord {
  // As on the events topic: an encoded EventBatchRecord.
  value: Uint8Array;
  events: number;
  samples: number;
  // Processor clock when it arrives (simulated).
  arrivalMs: number;
}

// A deterministic pseudo-random stream of SDK-like batches from `sessions`
// interleaved sessions: mouse samples, clicks with reactions, scrolls, page
// views, errors, with rage bursts and cursor shakes mixed in. Each batch holds
// `batchEvents` events, as the SDK's 2 s flush would.
export function generateStream(
  sessions: number,
  batchesPerSession: number,
  batchEvents = 20,
): StreamRecord[] {
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const start = 1_700_000_000_000;
  const clocks = Array.from({ length: sessions }, (_, i) => start + i * 37);
  const records: StreamRecord[] = [];
  let id = 0;
  for (let round = 0; round < batchesPerSession; round++) {
    for (let s = 0; s < sessions; s++) {
      const events: EventInit[] = [];
      let t = clocks[s] as number;
      const shake = random() < 0.05;
      const rage = random() < 0.05;
      for (let e = 0; e < batchEvents; e++) {
        t += 40 + Math.floor(random() * 80);
        const roll = random();
        const eventId = `ev-${++id}`;
        const timestampMs = BigInt(t);
        if (rage && e < 6) {
          events.push({
            eventId,
            timestampMs,
            kind: {
              case: 'click',
              value: {
                pageX: 300,
                pageY: 200,
                selector: '#buy',
                interactive: true,
                reaction: { observedMs: 1000 },
              },
            },
          });
        } else if (roll < 0.45) {
          const samples = Array.from({ length: 10 }, (_, k) => ({
            offsetMs: k * 50,
            pageX: shake ? 300 + (k % 2) * 150 : 300 + k * 7,
            pageY: 400 + k * 3,
            buttonPressed: false,
          }));
          events.push({ eventId, timestampMs, kind: { case: 'mouseMoves', value: { samples } } });
          t += 500;
        } else if (roll < 0.75) {
          const reacts = random() < 0.9;
          events.push({
            eventId,
            timestampMs,
            kind: {
              case: 'click',
              value: {
                pageX: random() * 1200,
                pageY: random() * 3000,
                selector: `#el-${Math.floor(random() * 40)}`,
                interactive: random() < 0.8,
                reaction: reacts ? { observedMs: 1000, domMutationMs: 30 } : { observedMs: 1000 },
              },
            },
          });
        } else if (roll < 0.88) {
          events.push({
            eventId,
            timestampMs,
            kind: { case: 'scroll', value: { depthPx: Math.floor(random() * 4000) } },
          });
        } else if (roll < 0.95) {
          events.push({
            eventId,
            timestampMs,
            kind: { case: 'inputChange', value: { selector: '#q', valueLength: 3 } },
          });
        } else if (roll < 0.98) {
          events.push({
            eventId,
            timestampMs,
            kind: {
              case: 'jsError',
              value: { kind: JsErrorKind.ERROR, message: 'TypeError: x is undefined' },
            },
          });
        } else {
          events.push({
            eventId,
            timestampMs,
            kind: { case: 'pageView', value: { url: `https://shop.example/p${Math.floor(random() * 9)}` } },
          });
        }
      }
      clocks[s] = t;
      const record = create(EventBatchRecordSchema, {
        projectId: `proj-${s % 7}`,
        sessionId: `sess-${s}`,
        deviceId: `dev-${s}`,
        batchId: `batch-${round}-${s}`,
        receivedAtMs: BigInt(t + 1000),
        page: { url: 'https://shop.example/checkout', viewportWidth: 1280, viewportHeight: 720 },
        userAgent: 'Mozilla/5.0 (bench)',
        events,
      });
      const samples = events.reduce(
        (n, e) => n + (e.kind?.case === 'mouseMoves' ? (e.kind.value.samples?.length ?? 0) : 0),
        0,
      );
      records.push({
        value: toBinary(EventBatchRecordSchema, record),
        events: events.length,
        samples,
        arrivalMs: t + 1000,
      });
    }
  }
  return records.sort((a, b) => a.arrivalMs - b.arrivalMs);
}
