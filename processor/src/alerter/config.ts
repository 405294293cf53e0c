import { type Env, intFrom, stringFrom } from '@gosight/common/env';

export interface AlerterConfig {
  // The Bot API's base URL; tests point it at a local server.
  telegramApiUrl: string;
  // Where links in messages point.
  dashboardUrl: string;
  evaluateEveryMs: number;
  deliverEveryMs: number;
}

export function alerterConfigFrom(env: Env): AlerterConfig {
  return {
    telegramApiUrl: stringFrom(env, 'GOSIGHT_TELEGRAM_API_URL', 'https://api.telegram.org'),
    dashboardUrl: stringFrom(env, 'GOSIGHT_DASHBOARD_URL', 'http://127.0.0.1:7300'),
    evaluateEveryMs: intFrom(env, 'GOSIGHT_ALERT_EVALUATE_MS', 15_000, 100),
    deliverEveryMs: intFrom(env, 'GOSIGHT_ALERT_DELIVER_MS', 500, 50),
  };
}
