import { create, toBinary } from '@bufbuild/protobuf';
import { type IngestBatchRequest, IngestBatchRequestSchema } from '@gosight/proto/v1/ingest_pb';

// A batch like the SDK's: mostly clicks and mouse movement, a page view, ~8 KB.
export function benchBatch(
  projectKey: string,
  sessionId: string,
  size: number,
  id: (kind: 'batch' | 'event', index: number) => string,
  nowMs = Date.now(),
): IngestBatchRequest {
  const now = BigInt(nowMs);
  return create(IngestBatchRequestSchema, {
    projectKey,
    batchId: id('batch', 0),
    sessionId,
    deviceId: 'device-bench-0001',
    tabId: 'tab-1',
    page: {
      url: 'https://shop.example/checkout',
      title: 'Checkout',
      viewportWidth: 1280,
      viewportHeight: 720,
    },
    sentAtMs: now,
    events: Array.from({ length: size }, (_, index) => ({
      eventId: id('event', index),
      timestampMs: now,
      sequence: index,
      kind:
        index === 0
          ? { case: 'pageView' as const, value: { url: 'https://shop.example/checkout', title: 'Checkout' } }
          : index % 5 === 0
            ? {
                case: 'mouseMoves' as const,
                value: {
                  samples: Array.from({ length: 8 }, (_, i) => ({
                    offsetMs: i * 50,
                    pageX: 100 + i,
                    pageY: 200,
                  })),
                },
              }
            : {
                case: 'click' as const,
                value: {
                  pageX: 100 + index,
                  pageY: 200,
                  clientX: 100 + index,
                  clientY: 180,
                  selector: 'main > form#checkout > button.pay:nth-of-type(2)',
                  tag: 'button',
                  text: '***',
                  interactive: true,
                  viewportWidth: 1280,
                  viewportHeight: 720,
                  reaction: { observedMs: 1000, domMutationMs: 40 },
                },
              },
    })),
  });
}

const ID_LENGTH = 16;
const pad = (n: number) => n.toString(36).padStart(ID_LENGTH, '0');

// Binary request bodies with fresh batch and event ids and a chosen session,
// made by patching the ids into an encoded template (refreshed every second
// for its timestamps). Encoding each batch with protobuf-es cost the load
// generator more CPU than the ingestor spent on it, on the same 2 cores.
export function createBodyFactory(projectKey: string, size: number, prefix: string) {
  const placeholder = (kind: string, index: number) => `${kind[0]}${index.toString().padStart(3, '0')}@`;
  const sessionSlot = 'S'.repeat(ID_LENGTH);
  let template = new Uint8Array();
  let slots: number[] = [];
  let sessionAt = 0;
  let builtAt = 0;
  let counter = 0;

  function build() {
    builtAt = Date.now();
    const slotIds = (kind: 'batch' | 'event', index: number) =>
      `${prefix}-${placeholder(kind, index)}${'x'.repeat(ID_LENGTH - 5)}`;
    template = toBinary(
      IngestBatchRequestSchema,
      benchBatch(projectKey, sessionSlot, size, slotIds, builtAt),
    );
    const text = Buffer.from(template).toString('latin1');
    const find = (needle: string) => {
      const at = text.indexOf(needle);
      if (at < 0 || text.indexOf(needle, at + 1) >= 0) throw new Error(`template slot ${needle} not unique`);
      return at;
    };
    slots = [
      find(`${prefix}-${placeholder('batch', 0)}`) + prefix.length + 1,
      ...Array.from(
        { length: size },
        (_, i) => find(`${prefix}-${placeholder('event', i)}`) + prefix.length + 1,
      ),
    ];
    sessionAt = find(sessionSlot);
  }

  return (session: number): Uint8Array => {
    if (Date.now() - builtAt > 1000) build();
    const body = Buffer.from(template);
    for (const at of slots) body.write(pad(counter++), at, 'latin1');
    body.write(pad(session), sessionAt, 'latin1');
    return body;
  };
}
