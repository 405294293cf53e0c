import type { Event } from '@gosight/proto/v1/events_pb';
import { checkId, type Violation } from './validate-batch.ts';

const MAX_NAME_LENGTH = 200;
const MAX_PROPERTIES = 100;
export const MAX_MOUSE_SAMPLES = 2000;

// The first problem of one event's content, or undefined when it is
// acceptable. An invalid event rejects only itself.
export function validateEvent(event: Event, index: number): Violation | undefined {
  const at = `events[${index}]`;
  const out: Violation[] = [];
  checkId(event.eventId, `${at}.event_id`, out);
  if (event.timestampMs <= 0n) out.push({ path: `${at}.timestamp_ms`, reason: 'must be positive' });
  if (out[0]) return out[0];
  return validateKind(event, at);
}

// Checked on the encoded event, which is then published as it is.
export function validateEventSize(size: number, index: number, maxEventBytes: number): Violation | undefined {
  return size > maxEventBytes
    ? { path: `events[${index}]`, reason: `is ${size} bytes; the limit is ${maxEventBytes} bytes per event` }
    : undefined;
}

function finite(value: number, path: string): Violation | undefined {
  return Number.isFinite(value) ? undefined : { path, reason: 'must be a finite number' };
}

function required(value: string, path: string): Violation | undefined {
  return value.length === 0 ? { path, reason: 'is required' } : undefined;
}

function validateKind(event: Event, at: string): Violation | undefined {
  const { kind } = event;
  switch (kind.case) {
    case undefined:
      return { path: `${at}.kind`, reason: 'is required' };
    case 'pageView':
      return required(kind.value.url, `${at}.page_view.url`);
    case 'routeChange':
      return required(kind.value.toUrl, `${at}.route_change.to_url`);
    case 'click':
      return (
        finite(kind.value.pageX, `${at}.click.page_x`) ??
        finite(kind.value.pageY, `${at}.click.page_y`) ??
        finite(kind.value.targetXRatio, `${at}.click.target_x_ratio`) ??
        finite(kind.value.targetYRatio, `${at}.click.target_y_ratio`)
      );
    case 'mouseMoves': {
      const { samples } = kind.value;
      if (samples.length === 0) return { path: `${at}.mouse_moves.samples`, reason: 'is empty' };
      if (samples.length > MAX_MOUSE_SAMPLES)
        return {
          path: `${at}.mouse_moves.samples`,
          reason: `has ${samples.length} samples; the limit is ${MAX_MOUSE_SAMPLES}`,
        };
      const bad = samples.findIndex((s) => !Number.isFinite(s.pageX) || !Number.isFinite(s.pageY));
      return bad >= 0
        ? { path: `${at}.mouse_moves.samples[${bad}]`, reason: 'has a position that is not a finite number' }
        : undefined;
    }
    case 'jsError':
      return kind.value.kind === 0 ? { path: `${at}.js_error.kind`, reason: 'is required' } : undefined;
    case 'webVital':
      return kind.value.name === 0
        ? { path: `${at}.web_vital.name`, reason: 'is required' }
        : finite(kind.value.value, `${at}.web_vital.value`);
    case 'custom':
      return (
        name(kind.value.name, `${at}.custom.name`) ??
        properties(kind.value.properties, `${at}.custom.properties`)
      );
    case 'identify':
      return (
        required(kind.value.userId, `${at}.identify.user_id`) ??
        properties(kind.value.traits, `${at}.identify.traits`)
      );
    default:
      return undefined;
  }
}

function name(value: string, path: string): Violation | undefined {
  if (value.length === 0) return { path, reason: 'is required' };
  if (value.length > MAX_NAME_LENGTH) return { path, reason: `is longer than ${MAX_NAME_LENGTH} characters` };
  return undefined;
}

function properties(map: Record<string, unknown>, path: string): Violation | undefined {
  const keys = Object.keys(map);
  if (keys.length > MAX_PROPERTIES)
    return { path, reason: `has ${keys.length} entries; the limit is ${MAX_PROPERTIES}` };
  const long = keys.find((key) => key.length === 0 || key.length > MAX_NAME_LENGTH);
  return long === undefined
    ? undefined
    : {
        path: `${path}["${long.slice(0, 40)}"]`,
        reason: `keys must have 1 to ${MAX_NAME_LENGTH} characters`,
      };
}
