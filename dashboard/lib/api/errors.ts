import { createClient } from '@connectrpc/connect';
import { type ErrorGroup, ErrorService } from '@gosight/proto/v1/error_service_pb';
import { call, transport } from './client';

const errors = createClient(ErrorService, transport);

export function listErrorGroups(projectId: string, fromMs: bigint, toMs: bigint): Promise<ErrorGroup[]> {
  return call(
    'ListErrorGroups',
    async (headers) =>
      (await errors.listErrorGroups({ projectId, timeRange: { fromMs, toMs }, limit: 100 }, { headers }))
        .groups,
  );
}
