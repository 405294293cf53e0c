'use server';

import { createClient } from '@connectrpc/connect';
import { AlertChannelKind, AlertService } from '@gosight/proto/v1/alert_service_pb';
import { redirect } from 'next/navigation';
import { createAlertChannel, createAlertRule, deleteAlertRule, sendTestMessage } from '@/lib/api/alerts';
import { ApiError, call, transport } from '@/lib/api/client';

// Each action redirects back to the page with what happened in the query
// string, so the result is shown without client-side state.

function back(projectId: string, params: Record<string, string>): never {
  redirect(`/projects/${encodeURIComponent(projectId)}/alerts?${new URLSearchParams(params)}`);
}

function field(form: FormData, name: string): string {
  return String(form.get(name) ?? '').trim();
}

async function attempt(projectId: string, run: () => Promise<unknown>, done: Record<string, string>) {
  try {
    await run();
  } catch (error) {
    if (error instanceof ApiError) back(projectId, { error: error.message });
    throw error;
  }
  back(projectId, done);
}

export async function addTelegramChannel(projectId: string, form: FormData): Promise<void> {
  await attempt(
    projectId,
    () =>
      createAlertChannel({
        projectId,
        name: field(form, 'name'),
        kind: AlertChannelKind.TELEGRAM,
        telegramBotToken: field(form, 'token'),
        telegramChatId: field(form, 'chat'),
      }),
    { done: 'Channel added' },
  );
}

export async function testChannel(projectId: string, channelId: string): Promise<void> {
  let outcome: Record<string, string>;
  try {
    const result = await sendTestMessage(projectId, channelId);
    outcome = result.delivered
      ? { done: 'Test message delivered' }
      : { error: `Not delivered: ${result.error}` };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    outcome = { error: error.message };
  }
  back(projectId, outcome);
}

export async function addRule(projectId: string, form: FormData): Promise<void> {
  await attempt(
    projectId,
    () =>
      createAlertRule({
        rule: {
          projectId,
          name: field(form, 'name'),
          metric: Number(field(form, 'metric')),
          condition: Number(field(form, 'condition')),
          threshold: Number(field(form, 'threshold')),
          windowSeconds: Number(field(form, 'window')) * 60,
          cooldownSeconds: Number(field(form, 'cooldown')) * 60,
          severity: Number(field(form, 'severity')),
          urlPattern: field(form, 'url'),
          channelIds: form.getAll('channel').map(String),
        },
      }),
    { done: 'Rule added' },
  );
}

export async function removeRule(projectId: string, ruleId: string): Promise<void> {
  await attempt(projectId, () => deleteAlertRule(projectId, ruleId), { done: 'Rule deleted' });
}

// DeleteAlertChannel is not in lib/api/alerts.ts (another area's module) yet.
const alertService = createClient(AlertService, transport);

export async function removeChannel(projectId: string, channelId: string): Promise<void> {
  await attempt(
    projectId,
    () =>
      call('DeleteAlertChannel', (headers) =>
        alertService.deleteAlertChannel({ projectId, channelId }, { headers }),
      ),
    { done: 'Channel removed' },
  );
}
