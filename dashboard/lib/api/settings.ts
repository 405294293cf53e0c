import type { MessageInitShape } from '@bufbuild/protobuf';
import { createClient } from '@connectrpc/connect';
import {
  ProjectService,
  type ProjectSettings,
  type UpdateProjectSettingsRequestSchema,
} from '@gosight/proto/v1/project_service_pb';
import { cache } from 'react';
import { call, transport } from './client';

// The project's settings (time zone, retention, ingest, privacy, signal thresholds).
const projects = createClient(ProjectService, transport);

export const getProjectSettings = cache(
  async (projectId: string): Promise<ProjectSettings | undefined> =>
    call(
      'GetProjectSettings',
      async (headers) => (await projects.getProjectSettings({ projectId }, { headers })).settings,
    ),
);

export function updateProjectSettings(request: MessageInitShape<typeof UpdateProjectSettingsRequestSchema>) {
  return call('UpdateProjectSettings', (headers) => projects.updateProjectSettings(request, { headers }));
}

export function updateSignalThresholds(projectId: string, signal: string, values: Record<string, number>) {
  return call('UpdateSignalThresholds', (headers) =>
    projects.updateSignalThresholds({ projectId, signal, values }, { headers }),
  );
}
