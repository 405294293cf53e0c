// Rows as the processor writes them, for inserting test data straight into
// ClickHouse. Unset columns take the table's defaults.

export const NOW = Date.now();
export const TODAY = new Date(NOW).toISOString().slice(0, 10);

export function eventRow(
  projectId: string,
  sessionId: string,
  eventId: string,
  atMs: number,
  type: string,
  extra = {},
) {
  return {
    project_id: projectId,
    session_id: sessionId,
    device_id: `dev-${sessionId}`,
    event_id: eventId,
    type,
    timestamp_ms: atMs,
    received_at_ms: atMs,
    sequence: 0,
    date: TODAY,
    url: 'https://shop.example/',
    viewport_width: 1280,
    viewport_height: 800,
    ...extra,
  };
}

export function sessionRow(
  projectId: string,
  sessionKey: string,
  startMs: number,
  extra: Record<string, unknown> = {},
) {
  const endMs = (extra.end_ms as number | undefined) ?? startMs + 60_000;
  return {
    project_id: projectId,
    session_id: sessionKey.split('~')[0],
    session_key: sessionKey,
    version: 1,
    date: TODAY,
    device_id: `dev-${sessionKey}`,
    user_id: '',
    start_ms: startMs,
    end_ms: endMs,
    duration_ms: endMs - startMs,
    events: 3,
    page_views: 1,
    clicks: 1,
    errors: 0,
    rage_clicks: 0,
    dead_clicks: 0,
    error_clicks: 0,
    thrashed_cursors: 0,
    entry_url: 'https://shop.example/',
    exit_url: 'https://shop.example/',
    browser: 'Chrome',
    os: 'Linux',
    device_type: 'desktop',
    country: 'DE',
    has_replay: 0,
    ...extra,
  };
}

export function insightRow(projectId: string, insightId: string, type: string, atMs: number, extra = {}) {
  return {
    project_id: projectId,
    session_id: 's1',
    insight_id: insightId,
    type,
    timestamp_ms: atMs,
    end_timestamp_ms: atMs + 1000,
    detected_at_ms: atMs + 2000,
    date: TODAY,
    url: 'https://shop.example/cart',
    selector: '#buy',
    click_count: 5,
    event_ids: ['e1', 'e2'],
    ...extra,
  };
}
