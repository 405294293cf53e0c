import { type ClickHouseClient, sqlString } from '@gosight/common/clickhouse';
import { dateCondition, type Range, rows } from './query-helpers.ts';

// Above this many URLs for one substring, the query text would grow large;
// the substring is then matched on page_events itself (same answer, slower).
export const MAX_LISTED_URLS = 1000;

// For each substring, the URLs viewed in the project on the range's days
// (dateCondition) that contain it, case-insensitively as
// positionCaseInsensitive does, from page_view_urls (migration 0010); or
// undefined for a substring matching more than MAX_LISTED_URLS URLs.
export async function urlsContaining(
  client: ClickHouseClient,
  projectId: string,
  range: Range,
  substrings: string[],
): Promise<(string[] | undefined)[]> {
  if (substrings.length === 0) return [];
  const found = await rows<{ url: string; hits: number[] }>(
    client,
    `SELECT url, [${substrings.map((value) => `positionCaseInsensitive(url, ${sqlString(value)}) > 0`).join(', ')}] AS hits
     FROM (SELECT DISTINCT url FROM page_view_urls
           WHERE project_id = ${sqlString(projectId)} AND ${dateCondition(range)})
     WHERE arrayExists(hit -> hit = 1, hits)`,
  );
  return substrings.map((_, index) => {
    const urls = found.filter((row) => row.hits[index] === 1).map((row) => row.url);
    return urls.length > MAX_LISTED_URLS ? undefined : urls;
  });
}

// A condition on page_events' url for one substring: the exact URLs (which
// the table's key narrows the read to), or the substring match itself.
export function urlCondition(substring: string, urls: string[] | undefined): string {
  if (!urls) return `positionCaseInsensitive(url, ${sqlString(substring)}) > 0`;
  // No URL: a condition no row meets, evaluated per row (windowFunnel wants columns).
  if (urls.length === 0) return 'url != url';
  return `url IN (${urls.map(sqlString).join(', ')})`;
}
