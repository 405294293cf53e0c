-- Per-project ingest settings, read by the ingestor with the write key and
-- cached like it.
-- allowed_origins: browser origins (e.g. https://shop.example) allowed to send
-- events for the project; empty allows any origin the ingestor allows.
-- rate_limit_*: the project's token bucket in events; NULL uses the
-- ingestor's GOSIGHT_PROJECT_RATE_* defaults.
ALTER TABLE projects
  ADD COLUMN allowed_origins text[] NOT NULL DEFAULT '{}',
  ADD COLUMN rate_limit_events_per_second integer CHECK (rate_limit_events_per_second > 0),
  ADD COLUMN rate_limit_burst_events integer CHECK (rate_limit_burst_events > 0);
