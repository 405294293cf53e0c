import { Code, ConnectError, createClient } from '@connectrpc/connect';
import {
  type ApiToken,
  type Member,
  ProjectService,
  type Role,
  type WriteKey,
} from '@gosight/proto/v1/project_service_pb';
import { cache } from 'react';
import { authClient } from './auth';
import { call, transport } from './client';

// ProjectService calls behind the Settings page: the project, members, write
// keys and API tokens. First-user set-up is here too: it creates the first project.
const projects = createClient(ProjectService, transport);

export function updateProjectName(projectId: string, name: string) {
  return call('UpdateProject', (headers) => projects.updateProject({ projectId, name }, { headers }));
}

export const listMembers = cache(
  (projectId: string): Promise<Member[]> =>
    call('ListMembers', async (headers) => (await projects.listMembers({ projectId }, { headers })).members),
);

export function addMember(projectId: string, email: string, role: Role) {
  return call('AddMember', (headers) => projects.addMember({ projectId, email, role }, { headers }));
}

export function updateMemberRole(projectId: string, userId: string, role: Role) {
  return call('UpdateMemberRole', (headers) =>
    projects.updateMemberRole({ projectId, userId, role }, { headers }),
  );
}

export function removeMember(projectId: string, userId: string) {
  return call('RemoveMember', (headers) => projects.removeMember({ projectId, userId }, { headers }));
}

export const listWriteKeys = cache(
  (projectId: string): Promise<WriteKey[]> =>
    call('ListWriteKeys', async (headers) => (await projects.listWriteKeys({ projectId }, { headers })).keys),
);

export function createWriteKey(projectId: string, label: string) {
  return call('CreateWriteKey', (headers) => projects.createWriteKey({ projectId, label }, { headers }));
}

export function rotateWriteKey(projectId: string, key: string) {
  return call('RotateWriteKey', (headers) => projects.rotateWriteKey({ projectId, key }, { headers }));
}

export function revokeWriteKey(projectId: string, key: string) {
  return call('RevokeWriteKey', (headers) => projects.revokeWriteKey({ projectId, key }, { headers }));
}

export const listApiTokens = cache(
  (projectId: string): Promise<ApiToken[]> =>
    call(
      'ListApiTokens',
      async (headers) => (await projects.listApiTokens({ projectId }, { headers })).tokens,
    ),
);

export function createApiToken(projectId: string, label: string, role: Role) {
  return call('CreateApiToken', (headers) =>
    projects.createApiToken({ projectId, label, role }, { headers }),
  );
}

export function rotateApiToken(projectId: string, tokenId: string) {
  return call('RotateApiToken', (headers) => projects.rotateApiToken({ projectId, tokenId }, { headers }));
}

export function revokeApiToken(projectId: string, tokenId: string) {
  return call('RevokeApiToken', (headers) => projects.revokeApiToken({ projectId, tokenId }, { headers }));
}

/**
 * Whether the first account can still be created. Bootstrap refuses once any
 * user exists before it validates the request, so an empty call creates
 * nothing and answers FailedPrecondition when set-up is closed.
 */
export async function isSetupOpen(): Promise<boolean> {
  try {
    await authClient.bootstrap({});
    return true;
  } catch (err) {
    const { code } = ConnectError.from(err);
    return code === Code.InvalidArgument;
  }
}

export function bootstrap(request: { name: string; email: string; password: string; projectName: string }) {
  return authClient.bootstrap(request);
}
