export interface DashboardConfig {
  /** Base URL of the GoSight API (Connect protocol over HTTP/1.1). */
  apiUrl: string;
  /** Project the dashboard opens on `/`. */
  defaultProject: string;
  /** Per-call deadline for API requests. */
  apiTimeoutMs: number;
  /** Mark the session cookie Secure (set when the dashboard is served over HTTPS). */
  secureCookies: boolean;
}

/** httpOnly cookie holding the signed-in user's API session token. */
export const SESSION_COOKIE = 'gosight_session';

export function parseConfig(env: Record<string, string | undefined>): DashboardConfig {
  const apiUrl = env.GOSIGHT_API_URL?.trim() || 'http://127.0.0.1:7200';
  let parsed: URL;
  try {
    parsed = new URL(apiUrl);
  } catch {
    throw new Error(`GOSIGHT_API_URL is not a valid URL: ${JSON.stringify(apiUrl)}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`GOSIGHT_API_URL must be an http(s) URL, got ${JSON.stringify(apiUrl)}`);
  }
  const defaultProject = env.GOSIGHT_DEFAULT_PROJECT?.trim() || 'demo';
  const secureCookies = ['1', 'true', 'yes'].includes(
    env.GOSIGHT_DASHBOARD_SECURE_COOKIES?.trim().toLowerCase() ?? '',
  );
  return { apiUrl: apiUrl.replace(/\/+$/, ''), defaultProject, apiTimeoutMs: 10_000, secureCookies };
}

export const config: DashboardConfig = parseConfig(process.env);
