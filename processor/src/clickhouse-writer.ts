import http from 'node:http';

// Inserts go over plain HTTP with the whole body prepared in memory (one write,
// with a content-length), on a connection of their own.

const INSERT_TIMEOUT_MS = 60_000;

export interface ClickHouseTarget {
  url: string;
  database: string;
}

// Columns whose DEFAULT is not the type's zero (-1 sentinels): always sent,
// because 18.16 fills omitted JSONEachRow fields with zeros, current releases
// with the DEFAULT expression.
const ALWAYS_SENT = new Set([
  'dom_mutation_ms',
  'navigation_ms',
  'scroll_reaction_ms',
  'focus_change_ms',
  'selection_change_ms',
]);

// One JSON object per line, without fields that hold their type's zero value
// ('' / 0 / empty array): most of the 80 event columns are empty for any one
// kind, and leaving them out makes the body several times smaller.
export function sparseJsonLines(rows: readonly object[]): string {
  const parts: string[] = [];
  for (const row of rows) {
    let line = '';
    for (const key in row) {
      const value = (row as Record<string, unknown>)[key];
      if (
        !ALWAYS_SENT.has(key) &&
        (value === '' || value === 0 || (Array.isArray(value) && value.length === 0))
      )
        continue;
      const quotedKey = quotedKeys.get(key) ?? quoteKey(key);
      line += `${line ? ',' : '{'}${quotedKey}${typeof value === 'number' ? numberJson(value) : JSON.stringify(value)}`;
    }
    parts.push(`${line || '{'}}\n`);
  }
  return parts.join('');
}

const quotedKeys = new Map<string, string>();

function quoteKey(key: string): string {
  const quoted = `${JSON.stringify(key)}:`;
  quotedKeys.set(key, quoted);
  return quoted;
}

function numberJson(value: number): string {
  return Number.isFinite(value) ? String(value) : '0';
}

export async function insertRows(
  target: ClickHouseTarget,
  table: string,
  rows: readonly object[],
): Promise<void> {
  if (rows.length === 0) return;
  const url = new URL(target.url);
  url.searchParams.set('database', target.database);
  url.searchParams.set('query', `INSERT INTO ${table} FORMAT JSONEachRow`);
  const body = Buffer.from(sparseJsonLines(rows));
  await new Promise<void>((resolve, reject) => {
    // A fresh connection per insert (about one a second): a kept-alive socket
    // can be closed by the server (keep_alive_timeout, 3 s on the local stack)
    // just as an insert starts on it, and a POST is not retried for us.
    const request = http.request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-length': body.length },
        timeout: INSERT_TIMEOUT_MS,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          if (response.statusCode === 200) resolve();
          else
            reject(
              new Error(
                `ClickHouse insert into ${table}: HTTP ${response.statusCode} ${Buffer.concat(chunks).toString().slice(0, 300)}`,
              ),
            );
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error(`ClickHouse insert into ${table} timed out`)));
    request.on('error', reject);
    request.end(body);
  });
}

export function createTableWriter<Row extends object>(
  target: ClickHouseTarget,
  table: string,
): (rows: Row[]) => Promise<void> {
  return (rows) => insertRows(target, table, rows);
}

// Writes rows tagged with their table, one insert per table, in parallel.
// Each table deduplicates redelivered rows itself, so a partial success that
// is retried as a whole is harmless.
export function createTaggedWriter<Row extends { table: string; row: object }>(
  target: ClickHouseTarget,
): (rows: Row[]) => Promise<void> {
  return async (rows) => {
    const byTable = new Map<string, object[]>();
    for (const { table, row } of rows) {
      const list = byTable.get(table);
      if (list) list.push(row);
      else byTable.set(table, [row]);
    }
    await Promise.all([...byTable].map(([table, values]) => insertRows(target, table, values)));
  };
}
