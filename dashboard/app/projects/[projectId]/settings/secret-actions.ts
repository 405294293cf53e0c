'use server';

import { Code } from '@connectrpc/connect';
import { Role } from '@gosight/proto/v1/project_service_pb';
import { revalidatePath } from 'next/cache';
import type { SecretState } from '@/components/settings-secret-form';
import { ApiError } from '@/lib/api/client';
import {
  createApiToken,
  createWriteKey,
  listWriteKeys,
  rotateApiToken,
  rotateWriteKey,
} from '@/lib/api/projects';
import { textField } from './form-fields';
import { readable } from './tabs';

// Actions that create a key or token: the value goes back to the form that
// asked, to be shown once, never into a URL.

async function reveal(projectId: string, run: () => Promise<string>, done: string): Promise<SecretState> {
  try {
    const secret = await run();
    revalidatePath(`/projects/${encodeURIComponent(projectId)}/settings`);
    return { secret, done };
  } catch (error) {
    if (error instanceof ApiError) return { error: readable(error.message) };
    throw error;
  }
}

export async function createWriteKeyAction(projectId: string, _state: SecretState, form: FormData) {
  return reveal(
    projectId,
    async () => (await createWriteKey(projectId, textField(form, 'label'))).key?.key ?? '',
    'Write key created',
  );
}

export async function rotateWriteKeyAction(projectId: string, prefix: string, _state: SecretState) {
  return reveal(
    projectId,
    async () => {
      const key = (await listWriteKeys(projectId)).find((k) => !k.revokedAtMs && k.key.startsWith(prefix));
      if (!key)
        throw new ApiError('RotateWriteKey', Code.NotFound, `no active write key starts with ${prefix}`);
      return (await rotateWriteKey(projectId, key.key)).key?.key ?? '';
    },
    'Write key rotated: the old key is revoked',
  );
}

export async function createApiTokenAction(projectId: string, _state: SecretState, form: FormData) {
  const role = textField(form, 'role') === 'member' ? Role.MEMBER : Role.VIEWER;
  return reveal(
    projectId,
    async () => (await createApiToken(projectId, textField(form, 'label'), role)).secret,
    'API token created',
  );
}

export async function rotateApiTokenAction(projectId: string, tokenId: string, _state: SecretState) {
  return reveal(
    projectId,
    async () => (await rotateApiToken(projectId, tokenId)).secret,
    'API token rotated: the old secret no longer works',
  );
}
