import { utcDate } from '../utc-date.ts';
import { localDay } from './local-day.ts';

// The seed's rules (section 2.2), applied again on the server to what the SDK
// called one session id: a new session after 30 minutes without events, on
// another device or browser, and when the calendar day changes in the
// project's time zone.
export const SESSION_IDLE_MS = 30 * 60 * 1000;

export interface SessionEvent {
  event_id: string;
  timestamp_ms: number;
  type: string;
  url: string;
  device_id: string;
  user_id: string;
  browser: string;
  os: string;
  device_type: string;
  country: string;
}

export interface SessionInsight {
  insight_id: string;
  type: string;
  timestamp_ms: number;
}

export interface ReplayRange {
  first_timestamp_ms: number;
  last_timestamp_ms: number;
}

// A row of the ClickHouse sessions table (migration 0006).
export interface SessionRow {
  project_id: string;
  session_id: string;
  session_key: string;
  version: number;
  date: string;
  device_id: string;
  user_id: string;
  start_ms: number;
  end_ms: number;
  duration_ms: number;
  events: number;
  page_views: number;
  clicks: number;
  errors: number;
  rage_clicks: number;
  dead_clicks: number;
  error_clicks: number;
  thrashed_cursors: number;
  entry_url: string;
  exit_url: string;
  browser: string;
  os: string;
  device_type: string;
  country: string;
  has_replay: number;
}

export interface SessionInput {
  projectId: string;
  sessionId: string;
  timeZone: string;
  version: number;
  // Distinct by event_id, in any order.
  events: SessionEvent[];
  insights: SessionInsight[];
  replay: ReplayRange[];
}

const FRUSTRATION_COLUMNS = {
  rage_click: 'rage_clicks',
  dead_click: 'dead_clicks',
  error_click: 'error_clicks',
  thrashed_cursor: 'thrashed_cursors',
} as const;

const PAGE_TYPES = new Set(['page_view', 'route_change']);

export function sessionKeyOf(sessionId: string, index: number): string {
  return index === 0 ? sessionId : `${sessionId}~${index}`;
}

export function splitSessions(input: SessionInput): SessionRow[] {
  const events = [...input.events].sort(
    (a, b) =>
      a.timestamp_ms - b.timestamp_ms || (a.event_id < b.event_id ? -1 : a.event_id > b.event_id ? 1 : 0),
  );
  const segments: SessionEvent[][] = [];
  let previous: SessionEvent | undefined;
  for (const event of events) {
    const current = segments.at(-1);
    if (!current || !previous || startsNewSession(previous, event, input.timeZone)) segments.push([event]);
    else current.push(event);
    previous = event;
  }
  const sessionUser = events.findLast((event) => event.user_id !== '')?.user_id ?? '';
  const rows = segments.map((segment, index) => segmentRow(input, segment, index, sessionUser));
  for (const insight of input.insights) {
    const row = rowAt(rows, insight.timestamp_ms);
    const column = FRUSTRATION_COLUMNS[insight.type as keyof typeof FRUSTRATION_COLUMNS];
    if (row && column) row[column] += 1;
  }
  for (const row of rows) {
    row.has_replay = input.replay.some(
      (range) => range.first_timestamp_ms <= row.end_ms && range.last_timestamp_ms >= row.start_ms,
    )
      ? 1
      : 0;
  }
  return rows;
}

function startsNewSession(previous: SessionEvent, event: SessionEvent, timeZone: string): boolean {
  return (
    event.timestamp_ms - previous.timestamp_ms > SESSION_IDLE_MS ||
    localDay(event.timestamp_ms, timeZone) !== localDay(previous.timestamp_ms, timeZone) ||
    event.device_id !== previous.device_id ||
    event.browser !== previous.browser ||
    event.os !== previous.os ||
    event.device_type !== previous.device_type
  );
}

function segmentRow(
  input: SessionInput,
  segment: SessionEvent[],
  index: number,
  sessionUser: string,
): SessionRow {
  const first = segment[0]!;
  const last = segment.at(-1)!;
  const pages = segment.filter((event) => PAGE_TYPES.has(event.type));
  const count = (type: string) => segment.filter((event) => event.type === type).length;
  const firstNonEmpty = (field: 'country') => segment.find((event) => event[field] !== '')?.[field] ?? '';
  return {
    project_id: input.projectId,
    session_id: input.sessionId,
    session_key: sessionKeyOf(input.sessionId, index),
    version: input.version,
    date: utcDate(first.timestamp_ms),
    device_id: first.device_id,
    user_id: segment.findLast((event) => event.user_id !== '')?.user_id ?? sessionUser,
    start_ms: first.timestamp_ms,
    end_ms: last.timestamp_ms,
    duration_ms: last.timestamp_ms - first.timestamp_ms,
    events: segment.length,
    page_views: pages.length,
    clicks: count('click'),
    errors: count('js_error'),
    rage_clicks: 0,
    dead_clicks: 0,
    error_clicks: 0,
    thrashed_cursors: 0,
    entry_url: (pages[0] ?? first).url,
    exit_url: (pages.at(-1) ?? last).url,
    browser: first.browser,
    os: first.os,
    device_type: first.device_type,
    country: firstNonEmpty('country'),
    has_replay: 0,
  };
}

// The segment an insight belongs to: the last one starting at or before it
// (the first one for an insight timed before the session).
function rowAt(rows: SessionRow[], timestampMs: number): SessionRow | undefined {
  let found = rows[0];
  for (const row of rows) if (row.start_ms <= timestampMs) found = row;
  return found;
}
