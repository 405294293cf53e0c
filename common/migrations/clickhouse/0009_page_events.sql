-- The events the page-level views ask about (click, scroll and movement-free
-- heatmaps, funnels, "visited URL" filters), ordered by page instead of by
-- session: events is ordered by (project_id, session_id, event_id), so those
-- views had to read every event of the project in the time range. Narrow on
-- purpose: only the columns those queries read.
-- Filled by a materialized view on every insert into events, so the processor
-- writes nothing more; a redelivered event is inserted again like in events,
-- collapses on merge (same key) and is deduplicated by event_id in queries.
CREATE TABLE IF NOT EXISTS page_events (
  project_id String,
  type String,
  url String,
  session_id String,
  device_id String,
  event_id String,
  timestamp_ms Int64,
  date Date,
  viewport_width UInt16,
  selector String,
  event_name String,
  target_x_ratio Float64,
  target_y_ratio Float64,
  scroll_depth_percent UInt8
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(date)
ORDER BY (project_id, type, url, event_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS page_events_mv TO page_events AS
SELECT project_id, type, url, session_id, device_id, event_id, timestamp_ms, date, viewport_width, selector,
  event_name, target_x_ratio, target_y_ratio, scroll_depth_percent
FROM events
WHERE type IN ('page_view', 'click', 'scroll', 'page_leave', 'custom');

-- Backfill of an existing installation, after the view exists so no event is
-- missed (events inserted meanwhile arrive twice and count once). In eighths,
-- so each statement stays within the migration client's request timeout.
INSERT INTO page_events
SELECT project_id, type, url, session_id, device_id, event_id, timestamp_ms, date, viewport_width, selector,
  event_name, target_x_ratio, target_y_ratio, scroll_depth_percent
FROM events
WHERE type IN ('page_view', 'click', 'scroll', 'page_leave', 'custom') AND cityHash64(session_id) % 8 = 0;

INSERT INTO page_events
SELECT project_id, type, url, session_id, device_id, event_id, timestamp_ms, date, viewport_width, selector,
  event_name, target_x_ratio, target_y_ratio, scroll_depth_percent
FROM events
WHERE type IN ('page_view', 'click', 'scroll', 'page_leave', 'custom') AND cityHash64(session_id) % 8 = 1;

INSERT INTO page_events
SELECT project_id, type, url, session_id, device_id, event_id, timestamp_ms, date, viewport_width, selector,
  event_name, target_x_ratio, target_y_ratio, scroll_depth_percent
FROM events
WHERE type IN ('page_view', 'click', 'scroll', 'page_leave', 'custom') AND cityHash64(session_id) % 8 = 2;

INSERT INTO page_events
SELECT project_id, type, url, session_id, device_id, event_id, timestamp_ms, date, viewport_width, selector,
  event_name, target_x_ratio, target_y_ratio, scroll_depth_percent
FROM events
WHERE type IN ('page_view', 'click', 'scroll', 'page_leave', 'custom') AND cityHash64(session_id) % 8 = 3;

INSERT INTO page_events
SELECT project_id, type, url, session_id, device_id, event_id, timestamp_ms, date, viewport_width, selector,
  event_name, target_x_ratio, target_y_ratio, scroll_depth_percent
FROM events
WHERE type IN ('page_view', 'click', 'scroll', 'page_leave', 'custom') AND cityHash64(session_id) % 8 = 4;

INSERT INTO page_events
SELECT project_id, type, url, session_id, device_id, event_id, timestamp_ms, date, viewport_width, selector,
  event_name, target_x_ratio, target_y_ratio, scroll_depth_percent
FROM events
WHERE type IN ('page_view', 'click', 'scroll', 'page_leave', 'custom') AND cityHash64(session_id) % 8 = 5;

INSERT INTO page_events
SELECT project_id, type, url, session_id, device_id, event_id, timestamp_ms, date, viewport_width, selector,
  event_name, target_x_ratio, target_y_ratio, scroll_depth_percent
FROM events
WHERE type IN ('page_view', 'click', 'scroll', 'page_leave', 'custom') AND cityHash64(session_id) % 8 = 6;

INSERT INTO page_events
SELECT project_id, type, url, session_id, device_id, event_id, timestamp_ms, date, viewport_width, selector,
  event_name, target_x_ratio, target_y_ratio, scroll_depth_percent
FROM events
WHERE type IN ('page_view', 'click', 'scroll', 'page_leave', 'custom') AND cityHash64(session_id) % 8 = 7
