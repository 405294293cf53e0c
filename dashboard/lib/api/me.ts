import type { GetMeResponse } from '@gosight/proto/v1/auth_service_pb';
import { type Project, Role } from '@gosight/proto/v1/project_service_pb';
import { cache } from 'react';
import { authClient } from './auth';
import { call, sessionToken } from './client';

// The signed-in user and their projects with the caller's role in each. Cached
// per request: the top bar, the project layout and pages all read it.
export const getMe = cache(
  (): Promise<GetMeResponse> => call('GetMe', (headers) => authClient.getMe({}, { headers })),
);

export const ROLE_LABELS: Record<Role, string> = {
  [Role.UNSPECIFIED]: 'No role',
  [Role.OWNER]: 'Owner',
  [Role.ADMIN]: 'Admin',
  [Role.MEMBER]: 'Member',
  [Role.VIEWER]: 'Viewer',
};

/** Owners and Admins manage alerts and settings; every role reads the analytics views. */
export function canAdminister(role: Role): boolean {
  return role === Role.OWNER || role === Role.ADMIN;
}

export function findProject(me: GetMeResponse, projectId: string): Project | undefined {
  return me.projects.find((project) => project.projectId === projectId);
}

/**
 * The signed-in user for the top bar, or undefined when signed out or when the
 * API cannot say. Never redirects (the top bar renders on /login too): it
 * swallows the redirect that getMe throws for an expired session, while pages
 * awaiting the same cached getMe still redirect.
 */
export const currentUser = cache(async (): Promise<GetMeResponse | undefined> => {
  if (!(await sessionToken())) return undefined;
  try {
    return await getMe();
  } catch {
    return undefined;
  }
});
