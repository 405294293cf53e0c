import { type ClickHouseClient, sqlString } from '@gosight/common/clickhouse';

// page_view_urls (migration 0010) holds the distinct URLs viewed per project
// and day, without sessions: erasing a subject deletes every URL their
// sessions viewed and adds back the days on which other sessions viewed them,
// so URLs of erased sessions are gone and the table still lists every URL in
// page_events. Call with the condition (on page_events rows) that erasure
// deletes, before page_events' delete is issued.
export async function erasePageViewUrls(
  clickhouse: ClickHouseClient,
  projectId: string,
  erased: string,
): Promise<number> {
  const project = sqlString(projectId);
  const result = await clickhouse.query({
    query: `SELECT DISTINCT url FROM page_events WHERE project_id = ${project} AND type = 'page_view' AND (${erased})`,
    format: 'JSONEachRow',
  });
  const urls = (await result.json<{ url: string }>()).map((row) => row.url);
  if (urls.length === 0) return 0;
  const listed = `url IN (${urls.map(sqlString).join(', ')})`;
  await clickhouse.command({
    query: `ALTER TABLE page_view_urls DELETE WHERE project_id = ${project} AND ${listed}`,
  });
  // A mutation only rewrites the parts that exist when it is issued: this
  // insert's part keeps its rows.
  await clickhouse.command({
    query: `INSERT INTO page_view_urls SELECT project_id, date, url FROM page_events
      WHERE project_id = ${project} AND type = 'page_view' AND ${listed} AND NOT (${erased})
      GROUP BY project_id, date, url`,
  });
  return 1;
}
