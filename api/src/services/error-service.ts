import type { ServiceImpl } from '@connectrpc/connect';
import type { ClickHouseClient } from '@gosight/common/clickhouse';
import type { ErrorService } from '@gosight/proto/v1/error_service_pb';
import type { Access } from '../auth/access.ts';
import { queryErrorGroups } from '../queries/error-queries.ts';
import { limitFrom, resolveRange } from '../queries/query-helpers.ts';

export function createErrorService(
  clickhouse: ClickHouseClient,
  access: Access,
): ServiceImpl<typeof ErrorService> {
  return {
    async listErrorGroups(request, context) {
      await access.project(context, request.projectId, 'analytics.read');
      const groups = await queryErrorGroups(
        clickhouse,
        request.projectId,
        resolveRange(request.timeRange),
        limitFrom(request.limit, 50, 500),
      );
      return {
        groups: groups.map((group) => ({
          fingerprint: group.group_key,
          message: group.last_message,
          source: group.last_source,
          sampleStack: group.sample_stack,
          count: BigInt(group.occurrences),
          sessions: BigInt(group.sessions),
          users: BigInt(group.users),
          firstSeenMs: BigInt(group.first_seen_ms),
          lastSeenMs: BigInt(group.last_seen_ms),
          sampleSessionIds: group.sample_session_ids,
        })),
      };
    },
  };
}
