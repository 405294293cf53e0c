import { sqlString } from '@gosight/common/clickhouse';

// A rule's URL glob ("*" matches anything) as a ClickHouse LIKE condition.
export function urlCondition(column: string, glob: string | null): string {
  if (!glob) return '';
  const like = glob.replace(/\\/g, '\\\\').replace(/%/g, '\\%').replace(/_/g, '\\_').replace(/\*/g, '%');
  return ` AND ${column} LIKE ${sqlString(like)}`;
}
