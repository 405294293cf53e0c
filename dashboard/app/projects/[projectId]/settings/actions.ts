'use server';

import { Code } from '@connectrpc/connect';
import type { Role } from '@gosight/proto/v1/project_service_pb';
import { redirect } from 'next/navigation';
import { ApiError } from '@/lib/api/client';
import {
  addMember,
  listWriteKeys,
  removeMember,
  revokeApiToken,
  revokeWriteKey,
  updateMemberRole,
  updateProjectName,
} from '@/lib/api/projects';
import { updateProjectSettings, updateSignalThresholds } from '@/lib/api/settings';
import { linesField, numberField, textField, thresholdValues } from './form-fields';
import { readable, settingsPath, type Tab } from './tabs';

// Each action redirects back to its tab with what happened in the query
// string, so the outcome shows without client-side state. Actions that reveal
// a secret are in secret-actions.ts.

async function attempt(projectId: string, tab: Tab, run: () => Promise<unknown>, done: string) {
  try {
    await run();
  } catch (error) {
    if (error instanceof ApiError) redirect(settingsPath(projectId, tab, { error: readable(error.message) }));
    throw error;
  }
  redirect(settingsPath(projectId, tab, { done }));
}

export async function saveProject(projectId: string, form: FormData) {
  await attempt(
    projectId,
    'project',
    async () => {
      await updateProjectName(projectId, textField(form, 'name'));
      await updateProjectSettings({ projectId, timeZone: textField(form, 'timeZone') });
    },
    'Project saved',
  );
}

export async function saveRetention(projectId: string, form: FormData) {
  const request = {
    projectId,
    eventsRetentionDays: numberField(form, 'eventsRetentionDays'),
    replayRetentionDays: numberField(form, 'replayRetentionDays'),
  };
  await attempt(projectId, 'retention', () => updateProjectSettings(request), 'Retention saved');
}

export async function savePrivacy(projectId: string, form: FormData) {
  const request = {
    projectId,
    privacy: { truncateIp: form.get('truncateIp') === 'on', blockedUrls: linesField(form, 'blockedUrls') },
    ingest: {
      allowedOrigins: linesField(form, 'allowedOrigins'),
      rateLimitEventsPerSecond: numberField(form, 'eventsPerSecond'),
      rateLimitBurstEvents: numberField(form, 'burstEvents'),
    },
  };
  await attempt(projectId, 'privacy', () => updateProjectSettings(request), 'Privacy settings saved');
}

export async function saveThresholds(projectId: string, signal: string, form: FormData) {
  const values = thresholdValues(form);
  await attempt(
    projectId,
    'signals',
    () => updateSignalThresholds(projectId, signal, values),
    `Thresholds of ${signal.replace('_', ' ')} saved`,
  );
}

export async function addMemberAction(projectId: string, form: FormData) {
  const email = textField(form, 'email');
  await attempt(
    projectId,
    'members',
    () => addMember(projectId, email, Number(textField(form, 'role')) as Role),
    `${email} added`,
  );
}

export async function changeRoleAction(projectId: string, userId: string, form: FormData) {
  const role = Number(textField(form, 'role')) as Role;
  await attempt(projectId, 'members', () => updateMemberRole(projectId, userId, role), 'Role changed');
}

export async function removeMemberAction(projectId: string, userId: string) {
  await attempt(projectId, 'members', () => removeMember(projectId, userId), 'Member removed');
}

// The page lists write keys by prefix only; the action finds the full key.
export async function revokeWriteKeyAction(projectId: string, prefix: string) {
  await attempt(
    projectId,
    'keys',
    async () => revokeWriteKey(projectId, await writeKeyByPrefix(projectId, prefix)),
    'Write key revoked: the ingestor refuses it once its key cache expires (10 s by default)',
  );
}

async function writeKeyByPrefix(projectId: string, prefix: string): Promise<string> {
  const matches = (await listWriteKeys(projectId)).filter((k) => !k.revokedAtMs && k.key.startsWith(prefix));
  if (matches.length !== 1)
    throw new ApiError('RevokeWriteKey', Code.NotFound, `no single active write key starts with ${prefix}`);
  return matches[0]!.key;
}

export async function revokeApiTokenAction(projectId: string, tokenId: string) {
  await attempt(projectId, 'tokens', () => revokeApiToken(projectId, tokenId), 'API token revoked');
}
