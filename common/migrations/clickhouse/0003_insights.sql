-- One row per detected frustration signal (proto gosight.v1.Insight). A signal
-- detected again after a redelivery has the same insight_id and collapses on merge.
CREATE TABLE IF NOT EXISTS insights (
  project_id String,
  session_id String,
  insight_id String,
  type String,
  timestamp_ms Int64,
  end_timestamp_ms Int64,
  detected_at_ms Int64,
  date Date,
  url String,
  selector String,
  page_x Float64,
  page_y Float64,
  click_count UInt32,
  path_length_px Float64,
  direction_changes UInt32,
  mean_speed_px_per_s Float64,
  error_message String,
  event_ids Array(String)
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(date)
ORDER BY (project_id, type, session_id, insight_id)
