-- One row per mouse sample of a MouseMoves event, for movement heatmaps.
-- Compact on purpose: positions rounded to whole CSS pixels. A sample is
-- identified by (event_id, sample_index); redelivered copies collapse on merge
-- and queries deduplicate with LIMIT 1 BY event_id, sample_index.
CREATE TABLE IF NOT EXISTS mouse_samples (
  project_id String,
  session_id String,
  device_id String,
  url String,
  event_id String,
  sample_index UInt16,
  timestamp_ms Int64,
  date Date,
  page_x Int32,
  page_y Int32,
  viewport_width UInt16,
  button_pressed UInt8
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(date)
ORDER BY (project_id, url, event_id, sample_index)
