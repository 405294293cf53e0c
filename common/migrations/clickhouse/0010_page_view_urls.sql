-- The distinct URLs viewed per project and day: a few rows per day where
-- page_events holds every page view. "Visited URL contains" filters and
-- funnel steps match their substring against these URLs first, then read
-- page_events for the exact URLs found, which its key (project_id, type, url)
-- narrows to those pages (instead of matching the substring on every page view).
-- Filled by a materialized view on every insert into events, grouped per
-- insert; copies collapse on merge and readers take DISTINCT url. A superset
-- is harmless (a URL found here but no longer in page_events matches no row);
-- retention drops it with page_events (same date partitions), and erasure
-- deletes the URLs of erased sessions and re-adds those other sessions viewed.
CREATE TABLE IF NOT EXISTS page_view_urls (
  project_id String,
  date Date,
  url String
) ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(date)
ORDER BY (project_id, date, url);

CREATE MATERIALIZED VIEW IF NOT EXISTS page_view_urls_mv TO page_view_urls AS
SELECT project_id, date, url FROM events WHERE type = 'page_view' GROUP BY project_id, date, url;

-- Backfill of an existing installation, after the view exists so no page view
-- is missed, from page_events (migration 0009) in quarters of the URLs.
INSERT INTO page_view_urls
SELECT project_id, date, url FROM page_events
WHERE type = 'page_view' AND cityHash64(url) % 4 = 0 GROUP BY project_id, date, url;

INSERT INTO page_view_urls
SELECT project_id, date, url FROM page_events
WHERE type = 'page_view' AND cityHash64(url) % 4 = 1 GROUP BY project_id, date, url;

INSERT INTO page_view_urls
SELECT project_id, date, url FROM page_events
WHERE type = 'page_view' AND cityHash64(url) % 4 = 2 GROUP BY project_id, date, url;

INSERT INTO page_view_urls
SELECT project_id, date, url FROM page_events
WHERE type = 'page_view' AND cityHash64(url) % 4 = 3 GROUP BY project_id, date, url
