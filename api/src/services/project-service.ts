import { Code, ConnectError, type ServiceImpl } from '@connectrpc/connect';
import type { ProjectService } from '@gosight/proto/v1/project_service_pb';
import { apiTokensOf, insertApiToken, revokeApiToken, rotateApiToken } from '../accounts/api-tokens.ts';
import { type Pool, transaction } from '../accounts/db.ts';
import {
  deleteMember,
  insertProject,
  insertWriteKey,
  lockedOwnerCount,
  member,
  membersOf,
  projectsOf,
  renameProject,
  revokeWriteKey,
  slugify,
  upsertMember,
  writeKeysOf,
} from '../accounts/projects.ts';
import { findUserByEmail } from '../accounts/users.ts';
import type { Access } from '../auth/access.ts';
import { type RoleName, roleFromProto } from '../auth/roles.ts';
import { newId } from '../auth/tokens.ts';
import { createSettingsHandlers } from '../settings/settings-handlers.ts';
import { apiTokenMessage, memberMessage, projectMessage, writeKeyMessage } from './messages.ts';

function requiredRole(role: Parameters<typeof roleFromProto>[0]): RoleName {
  const name = roleFromProto(role);
  if (!name) throw new ConnectError('role is required', Code.InvalidArgument);
  return name;
}

function requiredName(name: string, field: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new ConnectError(`${field} is required`, Code.InvalidArgument);
  if (trimmed.length > 200)
    throw new ConnectError(`${field} must be at most 200 characters`, Code.InvalidArgument);
  return trimmed;
}

export function createProjectService(pool: Pool, access: Access): ServiceImpl<typeof ProjectService> {
  // Changing who is Owner (granting, demoting or removing one) is for Owners
  // only, and a project always keeps at least one Owner.
  async function changeMember(
    context: Parameters<Access['user']>[0],
    projectId: string,
    userId: string,
    newRole: RoleName | undefined,
  ) {
    const callerRole = await access.project(context, projectId, 'project.manage');
    return transaction(pool, async (client) => {
      const owners = await lockedOwnerCount(client, projectId);
      const current = await member(client, projectId, userId);
      if (!current) throw new ConnectError(`user ${userId} is not a member of "${projectId}"`, Code.NotFound);
      const touchesOwner = current.role === 'owner' || newRole === 'owner';
      if (touchesOwner && callerRole !== 'owner') {
        throw new ConnectError(
          'granting or removing the Owner role needs the Owner role',
          Code.PermissionDenied,
        );
      }
      if (current.role === 'owner' && newRole !== 'owner' && owners <= 1) {
        throw new ConnectError(
          'a project keeps at least one Owner: make someone else Owner first',
          Code.FailedPrecondition,
        );
      }
      if (newRole) await upsertMember(client, projectId, userId, newRole);
      else await deleteMember(client, projectId, userId);
      return newRole ? { ...current, role: newRole } : undefined;
    });
  }

  return {
    ...createSettingsHandlers(pool, access),

    async listProjects(_request, context) {
      const userId = access.user(context);
      return { projects: (await projectsOf(pool, userId)).map(projectMessage) };
    },

    async createProject(request, context) {
      const userId = access.user(context);
      const name = requiredName(request.name, 'name');
      const id = `${slugify(name) || 'project'}-${newId('p').slice(2, 8).toLowerCase()}`;
      const created = await transaction(pool, (client) =>
        insertProject(client, { id, name, ownerId: userId }),
      );
      return { project: projectMessage(created.project), writeKey: writeKeyMessage(created.writeKey) };
    },

    async updateProject(request, context) {
      const role = await access.project(context, request.projectId, 'project.manage');
      const row = await renameProject(pool, request.projectId, requiredName(request.name, 'name'));
      if (!row) throw new ConnectError(`project "${request.projectId}" not found`, Code.NotFound);
      return { project: projectMessage({ ...row, role }) };
    },

    async listMembers(request, context) {
      await access.project(context, request.projectId, 'analytics.read');
      return { members: (await membersOf(pool, request.projectId)).map(memberMessage) };
    },

    async addMember(request, context) {
      const callerRole = await access.project(context, request.projectId, 'project.manage');
      const role = requiredRole(request.role);
      if (role === 'owner' && callerRole !== 'owner') {
        throw new ConnectError('granting the Owner role needs the Owner role', Code.PermissionDenied);
      }
      const user = await findUserByEmail(pool, request.email);
      if (!user) {
        throw new ConnectError(
          `no user with email ${request.email.trim()}: create the account first (api/src/create-user-cli.ts)`,
          Code.NotFound,
        );
      }
      if (await member(pool, request.projectId, user.id)) {
        throw new ConnectError(
          `${user.email} is already a member; change their role instead`,
          Code.AlreadyExists,
        );
      }
      await upsertMember(pool, request.projectId, user.id, role);
      return { member: memberMessage({ user_id: user.id, email: user.email, name: user.name, role }) };
    },

    async updateMemberRole(request, context) {
      const role = requiredRole(request.role);
      const updated = await changeMember(context, request.projectId, request.userId, role);
      return { member: updated && memberMessage(updated) };
    },

    async removeMember(request, context) {
      await changeMember(context, request.projectId, request.userId, undefined);
      return {};
    },

    async listWriteKeys(request, context) {
      await access.project(context, request.projectId, 'keys.read');
      return { keys: (await writeKeysOf(pool, request.projectId)).map(writeKeyMessage) };
    },

    async createWriteKey(request, context) {
      await access.project(context, request.projectId, 'project.manage');
      return { key: writeKeyMessage(await insertWriteKey(pool, request.projectId, request.label.trim())) };
    },

    async revokeWriteKey(request, context) {
      await access.project(context, request.projectId, 'project.manage');
      const revoked = await revokeWriteKey(pool, request.projectId, request.key);
      if (!revoked)
        throw new ConnectError('no active write key with that value in this project', Code.NotFound);
      return {};
    },

    async rotateWriteKey(request, context) {
      await access.project(context, request.projectId, 'project.manage');
      const key = await transaction(pool, async (client) => {
        const revoked = await revokeWriteKey(client, request.projectId, request.key);
        if (!revoked)
          throw new ConnectError('no active write key with that value in this project', Code.NotFound);
        return insertWriteKey(client, request.projectId, revoked.label);
      });
      return { key: writeKeyMessage(key) };
    },

    async listApiTokens(request, context) {
      await access.project(context, request.projectId, 'project.manage');
      return { tokens: (await apiTokensOf(pool, request.projectId)).map(apiTokenMessage) };
    },

    async createApiToken(request, context) {
      await access.project(context, request.projectId, 'project.manage');
      const role = roleFromProto(request.role) ?? 'viewer';
      if (role !== 'member' && role !== 'viewer') {
        throw new ConnectError('an API token reads only: its role is Member or Viewer', Code.InvalidArgument);
      }
      const created = await insertApiToken(pool, {
        projectId: request.projectId,
        label: request.label.trim(),
        role,
        createdBy: access.user(context),
      });
      return { token: apiTokenMessage(created.row), secret: created.secret };
    },

    async revokeApiToken(request, context) {
      await access.project(context, request.projectId, 'project.manage');
      const revoked = await revokeApiToken(pool, request.projectId, request.tokenId);
      if (!revoked)
        throw new ConnectError(`no active API token ${request.tokenId} in this project`, Code.NotFound);
      return {};
    },

    async rotateApiToken(request, context) {
      await access.project(context, request.projectId, 'project.manage');
      const rotated = await rotateApiToken(pool, request.projectId, request.tokenId);
      if (!rotated)
        throw new ConnectError(`no active API token ${request.tokenId} in this project`, Code.NotFound);
      return { token: apiTokenMessage(rotated.row), secret: rotated.secret };
    },
  };
}
