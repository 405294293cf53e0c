import { Code, ConnectError, type HandlerContext } from '@connectrpc/connect';
import type { Pool } from '../accounts/db.ts';
import { memberRole } from '../accounts/projects.ts';
import { type Principal, principalKey } from './principal.ts';
import { allows, MINIMUM_ROLE, type Permission, type RoleName, roleTitle } from './roles.ts';

const WHAT: Record<Permission, string> = {
  'analytics.read': 'reading analytics',
  'content.read': 'recorded content (replays, page snapshots, element text)',
  'keys.read': 'reading write keys',
  'project.manage': 'managing members, keys, tokens and settings',
  'owners.manage': 'granting or removing the Owner role',
};

export interface Access {
  // The signed-in user's id; API tokens are refused.
  user(context: HandlerContext): string;
  // The caller's role in the project, after checking it allows the permission.
  project(context: HandlerContext, projectId: string, permission: Permission): Promise<RoleName>;
}

function principalOf(context: HandlerContext): Principal {
  const principal = context.values.get(principalKey);
  if (!principal) {
    throw new ConnectError(
      'authentication required: send "Authorization: Bearer <token>" with a session or API token',
      Code.Unauthenticated,
    );
  }
  return principal;
}

export function createAccess(pool: Pool): Access {
  return {
    user(context) {
      const principal = principalOf(context);
      if (principal.kind !== 'user') {
        throw new ConnectError(
          'API tokens only read project data; sign in as a user for this',
          Code.PermissionDenied,
        );
      }
      return principal.userId;
    },

    async project(context, projectId, permission) {
      if (!projectId) throw new ConnectError('project_id is required', Code.InvalidArgument);
      const principal = principalOf(context);
      let role: RoleName | undefined;
      if (principal.kind === 'api-token') {
        if (principal.projectId !== projectId) {
          throw new ConnectError(
            `this API token belongs to another project than "${projectId}"`,
            Code.PermissionDenied,
          );
        }
        role = principal.role;
      } else {
        role = await memberRole(pool, projectId, principal.userId);
        if (!role)
          throw new ConnectError(`you are not a member of project "${projectId}"`, Code.PermissionDenied);
      }
      if (!allows(role, permission)) {
        throw new ConnectError(
          `${WHAT[permission]} needs the ${roleTitle(MINIMUM_ROLE[permission])} role or higher; you are ${roleTitle(role)} in project "${projectId}"`,
          Code.PermissionDenied,
        );
      }
      return role;
    },
  };
}
