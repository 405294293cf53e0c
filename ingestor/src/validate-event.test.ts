import { create, type MessageInitShape } from '@bufbuild/protobuf';
import {
  ClickSchema,
  CustomEventSchema,
  EventSchema,
  IdentifySchema,
  JsErrorKind,
  JsErrorSchema,
  MouseMovesSchema,
  PageViewSchema,
  WebVitalName,
  WebVitalSchema,
} from '@gosight/proto/v1/events_pb';
import { describe, expect, it } from 'vitest';
import { validateEvent, validateEventSize } from './validate-event.ts';

const base = { eventId: 'e1', timestampMs: 1_700_000_000_000n, sequence: 1 };

describe('validateEvent', () => {
  const cases: [string, Omit<MessageInitShape<typeof EventSchema>, '$typeName'>, string | undefined][] = [
    [
      'a page view',
      { kind: { case: 'pageView', value: create(PageViewSchema, { url: 'https://a.example' }) } },
      undefined,
    ],
    ['an event without kind', { kind: { case: undefined } }, 'events[0].kind: is required'],
    ['a missing id', { eventId: '', kind: { case: undefined } }, 'events[0].event_id: is required'],
    [
      'a zero timestamp',
      { timestampMs: 0n, kind: { case: undefined } },
      'events[0].timestamp_ms: must be positive',
    ],
    [
      'a page view without URL',
      { kind: { case: 'pageView', value: create(PageViewSchema, {}) } },
      'events[0].page_view.url: is required',
    ],
    [
      'a click at NaN',
      { kind: { case: 'click', value: create(ClickSchema, { pageX: Number.NaN }) } },
      'events[0].click.page_x: must be a finite number',
    ],
    [
      'an error without kind',
      { kind: { case: 'jsError', value: create(JsErrorSchema, { message: 'x' }) } },
      'events[0].js_error.kind: is required',
    ],
    [
      'an error',
      { kind: { case: 'jsError', value: create(JsErrorSchema, { kind: JsErrorKind.ERROR }) } },
      undefined,
    ],
    [
      'a vital without name',
      { kind: { case: 'webVital', value: create(WebVitalSchema, { value: 1 }) } },
      'events[0].web_vital.name: is required',
    ],
    [
      'a vital',
      { kind: { case: 'webVital', value: create(WebVitalSchema, { name: WebVitalName.LCP, value: 1200 }) } },
      undefined,
    ],
    [
      'a custom event without name',
      { kind: { case: 'custom', value: create(CustomEventSchema, {}) } },
      'events[0].custom.name: is required',
    ],
    [
      'an identify without user',
      { kind: { case: 'identify', value: create(IdentifySchema, {}) } },
      'events[0].identify.user_id: is required',
    ],
    [
      'empty mouse moves',
      { kind: { case: 'mouseMoves', value: create(MouseMovesSchema, {}) } },
      'events[0].mouse_moves.samples: is empty',
    ],
  ];
  for (const [name, fields, expected] of cases)
    it(`${expected ? 'rejects' : 'accepts'} ${name}`, () => {
      const violation = validateEvent(create(EventSchema, { ...base, ...fields }), 0);
      const text = violation && `${violation.path}: ${violation.reason}`;
      if (expected === undefined) expect(text).toBeUndefined();
      else expect(text?.startsWith(expected)).toBe(true);
    });
});

describe('validateEventSize', () => {
  it('names the size and the limit', () =>
    expect(validateEventSize(300, 4, 256)).toEqual({
      path: 'events[4]',
      reason: 'is 300 bytes; the limit is 256 bytes per event',
    }));
  it('accepts an event at the limit', () => expect(validateEventSize(256, 0, 256)).toBeUndefined());
});
