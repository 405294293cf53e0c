-- Per-project privacy settings, edited in the dashboard's Settings page.
-- truncate_ip: drop the host part of visitor IPs before they are hashed.
-- blocked_urls: URL patterns ("*" for any characters) on which nothing is
-- captured or recorded.
ALTER TABLE projects
  ADD COLUMN truncate_ip boolean NOT NULL DEFAULT false,
  ADD COLUMN blocked_urls text[] NOT NULL DEFAULT '{}';
