import { create } from '@bufbuild/protobuf';
import {
  type ApiToken,
  ApiTokenSchema,
  type Member,
  MemberSchema,
  type Project,
  ProjectSchema,
  type WriteKey,
  WriteKeySchema,
} from '@gosight/proto/v1/project_service_pb';
import type { ApiTokenRow } from '../accounts/api-tokens.ts';
import { epochMs } from '../accounts/db.ts';
import type { MemberRow, ProjectRow, WriteKeyRow } from '../accounts/projects.ts';
import { roleToProto } from '../auth/roles.ts';

export function projectMessage(row: ProjectRow): Project {
  return create(ProjectSchema, {
    projectId: row.id,
    name: row.name,
    createdAtMs: epochMs(row.created_at),
    role: roleToProto(row.role),
  });
}

export function memberMessage(row: MemberRow): Member {
  return create(MemberSchema, {
    userId: row.user_id,
    email: row.email,
    name: row.name,
    role: roleToProto(row.role),
  });
}

export function writeKeyMessage(row: WriteKeyRow): WriteKey {
  return create(WriteKeySchema, {
    key: row.key,
    label: row.label,
    createdAtMs: epochMs(row.created_at),
    revokedAtMs: epochMs(row.revoked_at),
  });
}

export function apiTokenMessage(row: ApiTokenRow): ApiToken {
  return create(ApiTokenSchema, {
    tokenId: row.id,
    label: row.label,
    role: roleToProto(row.role),
    createdAtMs: epochMs(row.created_at),
    lastUsedAtMs: epochMs(row.last_used_at),
    revokedAtMs: epochMs(row.revoked_at),
  });
}
