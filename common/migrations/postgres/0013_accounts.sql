-- Accounts, memberships and access tokens for the API (issue 7).
-- Passwords are scrypt hashes with a per-user salt ("scrypt$N$r$p$salt$hash",
-- base64url); session and API tokens are random 256-bit secrets of which only
-- the SHA-256 is stored, so a leaked table grants nothing.
CREATE TABLE IF NOT EXISTS users (
  id text PRIMARY KEY,
  email text NOT NULL UNIQUE,
  name text NOT NULL DEFAULT '',
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS user_sessions (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);

CREATE INDEX IF NOT EXISTS user_sessions_user_id ON user_sessions (user_id);

CREATE TABLE IF NOT EXISTS project_members (
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (project_id, user_id)
);

CREATE INDEX IF NOT EXISTS project_members_user_id ON project_members (user_id);

-- Secret tokens for programmatic reads. A token acts with its role (member or
-- viewer) on its one project and can never manage the project.
CREATE TABLE IF NOT EXISTS api_tokens (
  id text PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  label text NOT NULL DEFAULT '',
  role text NOT NULL CHECK (role IN ('member', 'viewer')),
  created_by text REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

CREATE INDEX IF NOT EXISTS api_tokens_project_id ON api_tokens (project_id);

-- Write keys get a label; the ingestor's lookup by key is unchanged.
ALTER TABLE project_keys ADD COLUMN IF NOT EXISTS label text NOT NULL DEFAULT '';
