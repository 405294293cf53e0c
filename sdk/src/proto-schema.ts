// Field numbers and wire types of the messages the SDK sends, transcribed from
// proto/gosight/v1/events.proto and ingest.proto. connect-web with the
// generated protobuf-es code costs ~30 KB gzipped in the page, protobuf-es'
// BinaryWriter alone ~2.2 KB; this table with proto-writer.ts ~1.3 KB.
// proto-writer.test.ts proves it against the generated schema: every event
// kind, a replay chunk and a whole batch come out byte for byte as toBinary
// writes them, and decode with fromBinary to what was given.

// s string, u uint32, i int64, d double, b bool, e enum, y bytes,
// o optional uint32 (written when set, even 0).
export type Scalar = 's' | 'u' | 'i' | 'd' | 'b' | 'e' | 'y' | 'o';
export type FieldType =
  | Scalar
  | { message: MessageSchema }
  | { repeated: MessageSchema }
  | { map: MessageSchema };
// A oneof is read from { case, value } under its own name; a member is a
// scalar or a message.
export type Oneof = { oneof: Record<string, [number, Scalar | MessageSchema]> };
export type MessageSchema = { [name: string]: [number, FieldType] | Oneof };

const PROPERTY_VALUE: MessageSchema = {
  value: { oneof: { stringValue: [1, 's'], numberValue: [2, 'd'], boolValue: [3, 'b'] } },
};

const UTM: MessageSchema = {
  source: [1, 's'],
  medium: [2, 's'],
  campaign: [3, 's'],
  term: [4, 's'],
  content: [5, 's'],
};

const CLICK_REACTION: MessageSchema = {
  observedMs: [1, 'u'],
  domMutationMs: [2, 'o'],
  navigationMs: [3, 'o'],
  scrollMs: [4, 'o'],
  focusChangeMs: [5, 'o'],
  selectionChangeMs: [6, 'o'],
};

const CLICK: MessageSchema = {
  pageX: [1, 'd'],
  pageY: [2, 'd'],
  clientX: [3, 'd'],
  clientY: [4, 'd'],
  selector: [5, 's'],
  tag: [6, 's'],
  text: [7, 's'],
  targetXRatio: [8, 'd'],
  targetYRatio: [9, 'd'],
  targetWidth: [10, 'd'],
  targetHeight: [11, 'd'],
  viewportWidth: [12, 'u'],
  viewportHeight: [13, 'u'],
  documentHeight: [14, 'u'],
  interactive: [15, 'b'],
  textField: [16, 'b'],
  modifierKey: [17, 'b'],
  pointerType: [18, 's'],
  reaction: [19, { message: CLICK_REACTION }],
};

export const EVENT: MessageSchema = {
  eventId: [1, 's'],
  timestampMs: [2, 'i'],
  sequence: [3, 'u'],
  url: [4, 's'],
  kind: {
    oneof: {
      pageView: [10, { url: [1, 's'], referrer: [2, 's'], title: [3, 's'], utm: [4, { message: UTM }] }],
      click: [11, CLICK],
      routeChange: [12, { fromUrl: [1, 's'], toUrl: [2, 's'], title: [3, 's'] }],
      pageLeave: [
        13,
        {
          url: [1, 's'],
          dwellMs: [2, 'u'],
          maxScrollDepthPx: [3, 'u'],
          maxScrollDepthPercent: [4, 'u'],
          documentHeight: [5, 'u'],
        },
      ],
      scroll: [14, { depthPx: [1, 'u'], depthPercent: [2, 'u'], documentHeight: [3, 'u'] }],
      inputChange: [
        15,
        { selector: [1, 's'], tag: [2, 's'], inputType: [3, 's'], valueLength: [4, 'u'], checked: [5, 'b'] },
      ],
      mouseMoves: [
        16,
        {
          samples: [
            1,
            { repeated: { offsetMs: [1, 'u'], pageX: [2, 'd'], pageY: [3, 'd'], buttonPressed: [4, 'b'] } },
          ],
        },
      ],
      jsError: [
        17,
        {
          kind: [1, 'e'],
          message: [2, 's'],
          stack: [3, 's'],
          source: [4, 's'],
          line: [5, 'u'],
          column: [6, 'u'],
        },
      ],
      webVital: [18, { name: [1, 'e'], value: [2, 'd'] }],
      navigationTiming: [
        19,
        {
          dnsMs: [1, 'u'],
          connectMs: [2, 'u'],
          ttfbMs: [3, 'u'],
          domContentLoadedMs: [4, 'u'],
          loadMs: [5, 'u'],
          transferSize: [6, 'u'],
        },
      ],
      custom: [20, { name: [1, 's'], properties: [2, { map: PROPERTY_VALUE }] }],
      identify: [21, { userId: [1, 's'], traits: [2, { map: PROPERTY_VALUE }] }],
    },
  },
};

export const REPLAY_CHUNK: MessageSchema = {
  sequence: [1, 'u'],
  firstTimestampMs: [2, 'i'],
  lastTimestampMs: [3, 'i'],
  eventCount: [4, 'u'],
  hasFullSnapshot: [5, 'b'],
  encoding: [6, 'e'],
  data: [7, 'y'],
};

export const PAGE_CONTEXT: MessageSchema = {
  url: [1, 's'],
  referrer: [2, 's'],
  title: [3, 's'],
  viewportWidth: [4, 'u'],
  viewportHeight: [5, 'u'],
};

// IngestBatchRequest in two parts around its repeated events (7) and
// replay_chunks (8), which the batch writer inserts already encoded.
export const BATCH_HEAD: MessageSchema = {
  projectKey: [1, 's'],
  batchId: [2, 's'],
  sessionId: [3, 's'],
  deviceId: [4, 's'],
  page: [5, { message: PAGE_CONTEXT }],
  sentAtMs: [6, 'i'],
};
export const BATCH_EVENTS_FIELD = 7;
export const BATCH_CHUNKS_FIELD = 8;
export const BATCH_TAIL: MessageSchema = { tabId: [9, 's'] };
