-- Optional HMAC signatures for server-side senders (docs/ingest-signing.md).
-- ingest_signing_secret: the shared secret of HMAC-SHA256 request signatures;
-- kept in clear because verifying an HMAC needs it. NULL: no signing.
-- ingest_signature_required: batches without a valid signature are refused;
-- browser traffic of such a project is refused too, so set it only for
-- projects fed by servers.
ALTER TABLE projects
  ADD COLUMN ingest_signing_secret text CHECK (length(ingest_signing_secret) >= 32),
  ADD COLUMN ingest_signature_required boolean NOT NULL DEFAULT false,
  ADD CONSTRAINT projects_signature_needs_secret
    CHECK (NOT ingest_signature_required OR ingest_signing_secret IS NOT NULL);
