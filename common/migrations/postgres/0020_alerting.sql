-- Where alerts go. A Telegram bot token is a secret: the API never returns it.
CREATE TABLE alert_channels (
  id text PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('telegram', 'webhook')),
  telegram_bot_token text,
  telegram_chat_id text,
  webhook_url text,
  webhook_secret text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'telegram' OR (telegram_bot_token IS NOT NULL AND telegram_chat_id IS NOT NULL)),
  CHECK (kind <> 'webhook' OR (webhook_url IS NOT NULL AND webhook_secret IS NOT NULL))
);

CREATE TABLE alert_rules (
  id text PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  name text NOT NULL,
  metric text NOT NULL,
  -- Glob over the page URL ("*" matches anything); NULL means every page.
  url_pattern text,
  condition text NOT NULL CHECK (condition IN ('above', 'below', 'anomaly')),
  threshold double precision NOT NULL DEFAULT 0,
  -- anomaly: fires when the value exceeds mean + factor * stddev of the
  -- trailing baseline_windows windows (and at least threshold).
  anomaly_factor double precision NOT NULL DEFAULT 3,
  baseline_windows integer NOT NULL DEFAULT 12 CHECK (baseline_windows BETWEEN 2 AND 288),
  window_seconds integer NOT NULL DEFAULT 300 CHECK (window_seconds > 0),
  cooldown_seconds integer NOT NULL DEFAULT 900 CHECK (cooldown_seconds >= 0),
  severity text NOT NULL DEFAULT 'warning' CHECK (severity IN ('info', 'warning', 'critical')),
  channel_ids text[] NOT NULL DEFAULT '{}',
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX alert_rules_project_id ON alert_rules (project_id);

-- Survives restarts: whether a rule is firing, since when, and its last firing.
CREATE TABLE alert_state (
  rule_id text PRIMARY KEY REFERENCES alert_rules (id) ON DELETE CASCADE,
  firing boolean NOT NULL DEFAULT false,
  incident text,
  last_fired_at_ms bigint NOT NULL DEFAULT 0,
  last_value double precision,
  evaluated_at_ms bigint NOT NULL DEFAULT 0
);

-- Messages to send, written in the same transaction as the state change that
-- caused them; ids are derived from rule, incident, kind and channel, so a
-- transition recorded twice queues one message.
CREATE TABLE alert_outbox (
  id text PRIMARY KEY,
  rule_id text REFERENCES alert_rules (id) ON DELETE CASCADE,
  channel_id text NOT NULL REFERENCES alert_channels (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('firing', 'recovery', 'test')),
  text_html text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  sent_at timestamptz,
  failed_at timestamptz,
  last_error text
);

CREATE INDEX alert_outbox_pending ON alert_outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
