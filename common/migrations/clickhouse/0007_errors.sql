-- JavaScript errors with their fingerprint (processor: normalised message plus
-- top stack frame), for grouping: one row per error event, deduplicate by event_id.
CREATE VIEW IF NOT EXISTS errors AS
SELECT project_id, session_id, device_id, event_id, timestamp_ms, date, url, browser, os,
  error_fingerprint AS fingerprint, error_kind AS kind, error_message AS message,
  error_stack AS stack, error_source AS source, error_line AS line, error_column AS column
FROM events
WHERE type = 'js_error'
