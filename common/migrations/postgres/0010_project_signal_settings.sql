-- Per-project overrides of the frustration-signal thresholds (docs/insights.md).
-- overrides maps threshold names of the signal to values, e.g.
-- {"minClicks": 3, "windowMs": 1000} for rage_click; names it does not set keep
-- their defaults. The detector role reads this table and caches it briefly.
CREATE TABLE project_signal_settings (
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  signal text NOT NULL CHECK (signal IN ('rage_click', 'dead_click', 'error_click', 'thrashed_cursor')),
  overrides jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(overrides) = 'object'),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (project_id, signal)
);
