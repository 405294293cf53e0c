import { Code, ConnectError, type ServiceImpl } from '@connectrpc/connect';
import type { ProjectService } from '@gosight/proto/v1/project_service_pb';
import type { Pool } from '../accounts/db.ts';
import type { Access } from '../auth/access.ts';
import { settingsMessage, signalMessage } from './settings-messages.ts';
import {
  readOverrides,
  readSettings,
  type SettingsChange,
  writeOverrides,
  writeSettings,
} from './settings-store.ts';
import { signalName, validateThresholds } from './signal-thresholds.ts';
import { allowedOrigins, blockedUrls, rateLimit, retentionDays, timeZone } from './validate-settings.ts';

type SettingsHandlers = Pick<
  ServiceImpl<typeof ProjectService>,
  'getProjectSettings' | 'updateProjectSettings' | 'updateSignalThresholds'
>;

const notFound = (projectId: string) => new ConnectError(`project "${projectId}" not found`, Code.NotFound);

// The Settings RPCs of ProjectService: every member reads, Owner and Admin write.
export function createSettingsHandlers(pool: Pool, access: Access): SettingsHandlers {
  return {
    async getProjectSettings(request, context) {
      await access.project(context, request.projectId, 'analytics.read');
      const [row, overrides] = await Promise.all([
        readSettings(pool, request.projectId),
        readOverrides(pool, request.projectId),
      ]);
      if (!row) throw notFound(request.projectId);
      return { settings: settingsMessage(row, overrides) };
    },

    async updateProjectSettings(request, context) {
      await access.project(context, request.projectId, 'project.manage');
      const { ingest, privacy } = request;
      // Validate everything before writing anything.
      const change: SettingsChange = {
        time_zone: request.timeZone === undefined ? undefined : timeZone(request.timeZone),
        events_retention_days:
          request.eventsRetentionDays === undefined
            ? undefined
            : retentionDays('events_retention_days', request.eventsRetentionDays),
        replay_retention_days:
          request.replayRetentionDays === undefined
            ? undefined
            : retentionDays('replay_retention_days', request.replayRetentionDays),
        ...(ingest && {
          allowed_origins: allowedOrigins(ingest.allowedOrigins),
          rate_limit_events_per_second: rateLimit(
            'ingest.rate_limit_events_per_second',
            ingest.rateLimitEventsPerSecond,
          ),
          rate_limit_burst_events: rateLimit('ingest.rate_limit_burst_events', ingest.rateLimitBurstEvents),
        }),
        ...(privacy && { truncate_ip: privacy.truncateIp, blocked_urls: blockedUrls(privacy.blockedUrls) }),
      };
      const row = await writeSettings(pool, request.projectId, change);
      if (!row) throw notFound(request.projectId);
      return { settings: settingsMessage(row, await readOverrides(pool, request.projectId)) };
    },

    async updateSignalThresholds(request, context) {
      await access.project(context, request.projectId, 'project.manage');
      const signal = signalName(request.signal);
      const overrides = validateThresholds(signal, request.values);
      await writeOverrides(pool, request.projectId, signal, overrides);
      return { signal: signalMessage(signal, overrides) };
    },
  };
}
