import { create } from '@bufbuild/protobuf';
import { type IngestBatchRequest, IngestBatchRequestSchema } from '@gosight/proto/v1/ingest_pb';

let counter = 0;
const id = (prefix: string) =>
  `${prefix}-${process.pid}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

// A batch like the SDK's: mostly clicks and mouse movement, a page view, ~8 KB.
export function benchBatch(projectKey: string, sessionId: string, size: number): IngestBatchRequest {
  const now = BigInt(Date.now());
  return create(IngestBatchRequestSchema, {
    projectKey,
    batchId: id('batch'),
    sessionId,
    deviceId: `device-${sessionId}`,
    tabId: 'tab-1',
    page: {
      url: 'https://shop.example/checkout',
      title: 'Checkout',
      viewportWidth: 1280,
      viewportHeight: 720,
    },
    sentAtMs: now,
    events: Array.from({ length: size }, (_, index) => ({
      eventId: id('ev'),
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
