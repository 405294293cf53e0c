-- Per-project settings the processor reads: the time zone that decides where a
-- session's calendar day ends, and how long events and replays are kept.
ALTER TABLE projects
  ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC',
  ADD COLUMN events_retention_days integer NOT NULL DEFAULT 365 CHECK (events_retention_days > 0),
  ADD COLUMN replay_retention_days integer NOT NULL DEFAULT 30 CHECK (replay_retention_days > 0);

-- Erasure requests that were carried out. The subject is stored hashed, so the
-- log itself holds no identifier of the erased person.
CREATE TABLE erasure_log (
  id bigserial PRIMARY KEY,
  project_id text NOT NULL,
  subject_kind text NOT NULL CHECK (subject_kind IN ('user', 'device')),
  subject_sha256 text NOT NULL,
  sessions_erased integer NOT NULL,
  erased_at timestamptz NOT NULL DEFAULT now()
);
