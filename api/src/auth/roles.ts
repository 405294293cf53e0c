import { Role } from '@gosight/proto/v1/project_service_pb';

export type RoleName = 'owner' | 'admin' | 'member' | 'viewer';

// What each RPC needs. "Recorded content" is whatever reproduces what a
// visitor saw: replays, rrweb page snapshots and element text captured from
// the page. Viewers see figures, lists and maps, never that content.
export type Permission = 'analytics.read' | 'content.read' | 'keys.read' | 'project.manage' | 'owners.manage';

const RANK: Record<RoleName, number> = { viewer: 1, member: 2, admin: 3, owner: 4 };

export const MINIMUM_ROLE: Record<Permission, RoleName> = {
  'analytics.read': 'viewer',
  'content.read': 'member',
  'keys.read': 'member',
  'project.manage': 'admin',
  'owners.manage': 'owner',
};

export function allows(role: RoleName, permission: Permission): boolean {
  return RANK[role] >= RANK[MINIMUM_ROLE[permission]];
}

export function roleToProto(role: RoleName): Role {
  return { owner: Role.OWNER, admin: Role.ADMIN, member: Role.MEMBER, viewer: Role.VIEWER }[role];
}

export function roleFromProto(role: Role): RoleName | undefined {
  switch (role) {
    case Role.OWNER:
      return 'owner';
    case Role.ADMIN:
      return 'admin';
    case Role.MEMBER:
      return 'member';
    case Role.VIEWER:
      return 'viewer';
    default:
      return undefined;
  }
}

export function roleTitle(role: RoleName): string {
  return role[0]!.toUpperCase() + role.slice(1);
}
