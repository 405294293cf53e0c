import type { MessageInitShape } from '@bufbuild/protobuf';
import { createClient } from '@connectrpc/connect';
import {
  type AlertChannel,
  type AlertRule,
  AlertService,
  type CreateAlertChannelRequestSchema,
  type CreateAlertRuleRequestSchema,
} from '@gosight/proto/v1/alert_service_pb';
import { cache } from 'react';
import { call, transport } from './client';

const alerts = createClient(AlertService, transport);

export const listAlertChannels = cache(
  (projectId: string): Promise<AlertChannel[]> =>
    call(
      'ListAlertChannels',
      async (headers) => (await alerts.listAlertChannels({ projectId }, { headers })).channels,
    ),
);

export const listAlertRules = cache(
  (projectId: string): Promise<AlertRule[]> =>
    call(
      'ListAlertRules',
      async (headers) => (await alerts.listAlertRules({ projectId }, { headers })).rules,
    ),
);

export function createAlertChannel(request: MessageInitShape<typeof CreateAlertChannelRequestSchema>) {
  return call('CreateAlertChannel', (headers) => alerts.createAlertChannel(request, { headers }));
}

export function createAlertRule(request: MessageInitShape<typeof CreateAlertRuleRequestSchema>) {
  return call('CreateAlertRule', (headers) => alerts.createAlertRule(request, { headers }));
}

export function deleteAlertRule(projectId: string, ruleId: string) {
  return call('DeleteAlertRule', (headers) => alerts.deleteAlertRule({ projectId, ruleId }, { headers }));
}

export function sendTestMessage(projectId: string, channelId: string) {
  return call('SendTestMessage', (headers) => alerts.sendTestMessage({ projectId, channelId }, { headers }));
}
