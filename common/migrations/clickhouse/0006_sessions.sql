-- One row per session segment, recomputed by the sessions role from the stored
-- events, insights and replay chunks of a session id (never incremented), so a
-- redelivery writes the same figures again. session_key splits one SDK session
-- id by the server's rules (30 minutes idle, another browser/OS/device, a new
-- day in the project's time zone): the first segment's key is the session id,
-- later ones "<session_id>~<n>". A recomputation may renumber segments, so
-- readers take the rows of the highest version of each session id and then
-- LIMIT 1 BY session_key.
CREATE TABLE IF NOT EXISTS sessions (
  project_id String,
  session_id String,
  session_key String,
  version Int64,
  date Date,
  device_id String,
  user_id String,
  start_ms Int64,
  end_ms Int64,
  duration_ms Int64,
  events UInt32,
  page_views UInt32,
  clicks UInt32,
  errors UInt32,
  rage_clicks UInt32,
  dead_clicks UInt32,
  error_clicks UInt32,
  thrashed_cursors UInt32,
  entry_url String,
  exit_url String,
  browser String,
  os String,
  device_type String,
  country String,
  has_replay UInt8
) ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(date)
ORDER BY (project_id, session_id, session_key)
