-- One row per event. Runs on ClickHouse 18.16 and current releases: epoch
-- milliseconds as Int64, no DateTime64/JSON/Map, retention by dropping partitions.
-- ReplacingMergeTree collapses redelivered copies of an event (same key) on merge;
-- queries deduplicate by event_id themselves, so results never wait for a merge.
CREATE TABLE IF NOT EXISTS events (
  project_id String,
  session_id String,
  device_id String,
  event_id String,
  type String,
  timestamp_ms Int64,
  received_at_ms Int64,
  sequence UInt32,
  date Date,
  url String,
  referrer String,
  title String,
  viewport_width UInt16,
  viewport_height UInt16,
  page_x Float64,
  page_y Float64,
  client_x Float64,
  client_y Float64,
  selector String,
  tag String,
  text String,
  user_agent String
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(date)
ORDER BY (project_id, session_id, event_id)
