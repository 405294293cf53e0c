-- The clicks, for click maps: ordered by page, viewport class and time, with
-- only the columns the map reads, so a map reads its page and class alone and
-- FINAL collapses redelivered copies of a click (same key) while reading, in
-- the table's order, instead of hashing every click's event_id (LIMIT 1 BY).
-- viewport_class: 0 unknown width, 1 mobile (< 768 px), 2 tablet (< 1024),
-- 3 desktop, as api/src/queries/query-helpers.ts viewportCondition.
-- Filled by a materialized view on every insert into events, like page_events
-- (migration 0009); retention and erasure treat it like page_events.
CREATE TABLE IF NOT EXISTS page_clicks (
  project_id String,
  url String,
  viewport_class UInt8,
  timestamp_ms Int64,
  event_id String,
  session_id String,
  device_id String,
  date Date,
  viewport_width UInt16,
  selector String,
  target_x_ratio Float64,
  target_y_ratio Float64
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(date)
ORDER BY (project_id, url, viewport_class, timestamp_ms, event_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS page_clicks_mv TO page_clicks AS
SELECT project_id, url, multiIf(viewport_width = 0, 0, viewport_width < 768, 1, viewport_width < 1024, 2, 3) AS viewport_class,
  timestamp_ms, event_id, session_id, device_id, date, viewport_width, selector, target_x_ratio, target_y_ratio
FROM events WHERE type = 'click';

-- Backfill of an existing installation, after the view exists so no click is
-- missed (clicks inserted meanwhile arrive twice and count once), from
-- page_events (migration 0009) in quarters.
INSERT INTO page_clicks
SELECT project_id, url, multiIf(viewport_width = 0, 0, viewport_width < 768, 1, viewport_width < 1024, 2, 3) AS viewport_class,
  timestamp_ms, event_id, session_id, device_id, date, viewport_width, selector, target_x_ratio, target_y_ratio
FROM page_events WHERE type = 'click' AND cityHash64(event_id) % 4 = 0;

INSERT INTO page_clicks
SELECT project_id, url, multiIf(viewport_width = 0, 0, viewport_width < 768, 1, viewport_width < 1024, 2, 3) AS viewport_class,
  timestamp_ms, event_id, session_id, device_id, date, viewport_width, selector, target_x_ratio, target_y_ratio
FROM page_events WHERE type = 'click' AND cityHash64(event_id) % 4 = 1;

INSERT INTO page_clicks
SELECT project_id, url, multiIf(viewport_width = 0, 0, viewport_width < 768, 1, viewport_width < 1024, 2, 3) AS viewport_class,
  timestamp_ms, event_id, session_id, device_id, date, viewport_width, selector, target_x_ratio, target_y_ratio
FROM page_events WHERE type = 'click' AND cityHash64(event_id) % 4 = 2;

INSERT INTO page_clicks
SELECT project_id, url, multiIf(viewport_width = 0, 0, viewport_width < 768, 1, viewport_width < 1024, 2, 3) AS viewport_class,
  timestamp_ms, event_id, session_id, device_id, date, viewport_width, selector, target_x_ratio, target_y_ratio
FROM page_events WHERE type = 'click' AND cityHash64(event_id) % 4 = 3
