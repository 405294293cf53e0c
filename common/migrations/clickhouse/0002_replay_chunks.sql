-- One row per rrweb chunk, stored decompressed as a JSON array (ClickHouse
-- compresses columns itself). A chunk is identified by (project, session, sequence).
CREATE TABLE IF NOT EXISTS replay_chunks (
  project_id String,
  session_id String,
  device_id String,
  sequence UInt32,
  first_timestamp_ms Int64,
  last_timestamp_ms Int64,
  event_count UInt32,
  has_full_snapshot UInt8,
  url String,
  received_at_ms Int64,
  date Date,
  events_json String
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(date)
ORDER BY (project_id, session_id, sequence)
