import type { ConnectRouter } from '@connectrpc/connect';
import type { ClickHouseClient } from '@gosight/common/clickhouse';
import { createTelegramSender } from '@gosight/common/notify/telegram';
import { createWebhookSender } from '@gosight/common/notify/webhook';
import type { Pool } from '@gosight/common/postgres';
import { AlertService } from '@gosight/proto/v1/alert_service_pb';
import { AnalyticsService } from '@gosight/proto/v1/analytics_service_pb';
import { AuthService } from '@gosight/proto/v1/auth_service_pb';
import { ErrorService } from '@gosight/proto/v1/error_service_pb';
import { HeatmapService } from '@gosight/proto/v1/heatmap_service_pb';
import { InsightService } from '@gosight/proto/v1/insight_service_pb';
import { LiveService } from '@gosight/proto/v1/live_service_pb';
import { ProjectService } from '@gosight/proto/v1/project_service_pb';
import { SessionService } from '@gosight/proto/v1/session_service_pb';
import { createAccess } from './auth/access.ts';
import type { LoginThrottle } from './auth/login-throttle.ts';
import { createAlertService } from './services/alert-service.ts';
import { createAnalyticsService } from './services/analytics-service.ts';
import { createAuthService } from './services/auth-service.ts';
import { createErrorService } from './services/error-service.ts';
import { createHeatmapService } from './services/heatmap-service.ts';
import { createInsightService } from './services/insight-service.ts';
import { createLiveService } from './services/live-service.ts';
import { createProjectService } from './services/project-service.ts';
import { createSessionService } from './services/session-service.ts';

export interface ApiDeps {
  clickhouse: ClickHouseClient;
  pool: Pool;
  sessionTtlMs: number;
  telegramApiUrl: string;
  loginThrottle?: LoginThrottle;
}

export const API_SERVICES = [
  AuthService,
  ProjectService,
  SessionService,
  InsightService,
  HeatmapService,
  ErrorService,
  AnalyticsService,
  LiveService,
  AlertService,
] as const;

// Every service of the API on one router; authentication is the interceptor's
// job (see auth/interceptor.ts), authorisation each handler's.
export function registerApi(
  router: ConnectRouter,
  { clickhouse, pool, sessionTtlMs, telegramApiUrl, loginThrottle }: ApiDeps,
): ConnectRouter {
  const access = createAccess(pool);
  return router
    .service(AuthService, createAuthService({ pool, access, sessionTtlMs, throttle: loginThrottle }))
    .service(ProjectService, createProjectService(pool, access))
    .service(SessionService, createSessionService(clickhouse, access))
    .service(InsightService, createInsightService(clickhouse, access))
    .service(HeatmapService, createHeatmapService(clickhouse, access))
    .service(ErrorService, createErrorService(clickhouse, access))
    .service(AnalyticsService, createAnalyticsService(clickhouse, access))
    .service(LiveService, createLiveService(clickhouse, access))
    .service(
      AlertService,
      createAlertService(pool, access, {
        telegram: createTelegramSender(telegramApiUrl),
        webhook: createWebhookSender(),
      }),
    );
}
