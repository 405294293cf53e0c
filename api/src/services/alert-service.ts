import { Code, ConnectError, type ServiceImpl } from '@connectrpc/connect';
import type { DeliveryResult } from '@gosight/common/notify/delivery-result';
import type { TelegramTarget } from '@gosight/common/notify/telegram';
import type { WebhookTarget } from '@gosight/common/notify/webhook';
import type { Pool } from '@gosight/common/postgres';
import { AlertChannelKind, type AlertService } from '@gosight/proto/v1/alert_service_pb';
import {
  CONDITIONS,
  channelMessage,
  METRICS,
  nameOf,
  ruleMessage,
  SEVERITIES,
} from '../alerts/alert-messages.ts';
import {
  channel,
  channelsOf,
  deleteChannel,
  deleteRule,
  insertChannel,
  insertRule,
  rulesOf,
} from '../alerts/alert-store.ts';
import type { Access } from '../auth/access.ts';
import { newId } from '../auth/tokens.ts';

export interface AlertSenders {
  telegram(target: TelegramTarget, html: string): Promise<DeliveryResult>;
  webhook(target: WebhookTarget, payload: unknown): Promise<DeliveryResult>;
}

function invalid(message: string): ConnectError {
  return new ConnectError(message, Code.InvalidArgument);
}

function required(value: string, field: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw invalid(`${field} is required`);
  return trimmed;
}

function notFound(what: string, id: string): ConnectError {
  return new ConnectError(`${what} ${id} not found in this project`, Code.NotFound);
}

export function createAlertService(
  pool: Pool,
  access: Access,
  senders: AlertSenders,
): ServiceImpl<typeof AlertService> {
  return {
    async listAlertChannels(request, context) {
      await access.project(context, request.projectId, 'analytics.read');
      return { channels: (await channelsOf(pool, request.projectId)).map(channelMessage) };
    },

    async createAlertChannel(request, context) {
      await access.project(context, request.projectId, 'project.manage');
      const name = required(request.name, 'name');
      const base = { id: newId('chn'), project_id: request.projectId, name };
      let row: Parameters<typeof insertChannel>[1];
      if (request.kind === AlertChannelKind.TELEGRAM) {
        const token = required(request.telegramBotToken, 'telegram_bot_token');
        if (!/^\d+:[\w-]{20,}$/.test(token))
          throw invalid('telegram_bot_token is not a Bot API token (123456:ABC…)');
        row = {
          ...base,
          kind: 'telegram',
          telegram_bot_token: token,
          telegram_chat_id: required(request.telegramChatId, 'telegram_chat_id'),
          webhook_url: null,
          webhook_secret: null,
        };
      } else if (request.kind === AlertChannelKind.WEBHOOK) {
        const url = required(request.webhookUrl, 'webhook_url');
        if (!/^https?:\/\//.test(url) || !URL.canParse(url))
          throw invalid('webhook_url must be an http(s) URL');
        if (request.webhookSecret.length < 16)
          throw invalid('webhook_secret must have at least 16 characters');
        row = {
          ...base,
          kind: 'webhook',
          telegram_bot_token: null,
          telegram_chat_id: null,
          webhook_url: url,
          webhook_secret: request.webhookSecret,
        };
      } else {
        throw invalid('kind must be TELEGRAM or WEBHOOK');
      }
      return { channel: channelMessage((await insertChannel(pool, row))!) };
    },

    async deleteAlertChannel(request, context) {
      await access.project(context, request.projectId, 'project.manage');
      if (!(await deleteChannel(pool, request.projectId, request.channelId)))
        throw notFound('channel', request.channelId);
      return {};
    },

    async sendTestMessage(request, context) {
      await access.project(context, request.projectId, 'project.manage');
      const row = await channel(pool, request.projectId, request.channelId);
      if (!row) throw notFound('channel', request.channelId);
      const text = `✅ <b>GoSight test message</b>\nChannel "${row.name.replace(/[&<>"]/g, '')}" of project ${row.project_id} works.`;
      const result =
        row.kind === 'telegram'
          ? await senders.telegram({ botToken: row.telegram_bot_token!, chatId: row.telegram_chat_id! }, text)
          : await senders.webhook(
              { url: row.webhook_url!, secret: row.webhook_secret! },
              { kind: 'test', project: { id: row.project_id }, text },
            );
      return result.kind === 'sent'
        ? { delivered: true, error: '' }
        : { delivered: false, error: result.error };
    },

    async listAlertRules(request, context) {
      await access.project(context, request.projectId, 'analytics.read');
      return { rules: (await rulesOf(pool, request.projectId)).map(ruleMessage) };
    },

    async createAlertRule(request, context) {
      const rule = request.rule;
      if (!rule) throw invalid('rule is required');
      await access.project(context, rule.projectId, 'project.manage');
      const metric = nameOf(METRICS, rule.metric);
      const condition = nameOf(CONDITIONS, rule.condition);
      if (!metric) throw invalid('rule.metric is required');
      if (!condition) throw invalid('rule.condition is required');
      if (rule.windowSeconds < 10 || rule.windowSeconds > 86_400)
        throw invalid('rule.window_seconds must be from 10 to 86400');
      if (rule.channelIds.length === 0) throw invalid('rule.channel_ids needs at least one channel');
      const known = new Set((await channelsOf(pool, rule.projectId)).map((row) => row.id));
      const unknown = rule.channelIds.filter((id) => !known.has(id));
      if (unknown.length > 0)
        throw invalid(`rule.channel_ids: ${unknown.join(', ')} not channels of this project`);
      const created = await insertRule(pool, {
        id: newId('rul'),
        project_id: rule.projectId,
        name: required(rule.name, 'rule.name'),
        metric,
        url_pattern: rule.urlPattern.trim() || null,
        condition,
        threshold: rule.threshold,
        anomaly_factor: rule.anomalyFactor || 3,
        baseline_windows: Math.min(Math.max(rule.baselineWindows || 12, 2), 288),
        window_seconds: rule.windowSeconds,
        cooldown_seconds: rule.cooldownSeconds,
        severity: nameOf(SEVERITIES, rule.severity) ?? 'warning',
        channel_ids: rule.channelIds,
      });
      return { rule: ruleMessage(created!) };
    },

    async deleteAlertRule(request, context) {
      await access.project(context, request.projectId, 'project.manage');
      if (!(await deleteRule(pool, request.projectId, request.ruleId)))
        throw notFound('rule', request.ruleId);
      return {};
    },
  };
}
