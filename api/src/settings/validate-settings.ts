import { Code, ConnectError } from '@connectrpc/connect';

const invalid = (message: string) => new ConnectError(message, Code.InvalidArgument);

export const MAX_RETENTION_DAYS = 3650;
export const MAX_RATE_EVENTS = 1_000_000;
const MAX_LIST = 100;

export function timeZone(value: string): string {
  const zone = value.trim();
  if (!zone) throw invalid('time_zone is required, e.g. Europe/Berlin or UTC');
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw invalid(`time_zone "${zone}" is not an IANA time zone such as Europe/Berlin or UTC`);
  }
}

export function retentionDays(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_RETENTION_DAYS) {
    throw invalid(`${field} must be a whole number of days from 1 to ${MAX_RETENTION_DAYS}; got ${value}`);
  }
  return value;
}

// 0 means "the ingestor's default" and is stored as NULL.
export function rateLimit(field: string, value: number): number | null {
  if (!Number.isInteger(value) || value < 0 || value > MAX_RATE_EVENTS) {
    throw invalid(
      `${field} must be 0 (ingestor default) or a whole number up to ${MAX_RATE_EVENTS}; got ${value}`,
    );
  }
  return value === 0 ? null : value;
}

function list(field: string, values: readonly string[]): string[] {
  const cleaned = [...new Set(values.map((v) => v.trim()).filter(Boolean))];
  if (cleaned.length > MAX_LIST)
    throw invalid(`${field} holds at most ${MAX_LIST} entries; got ${cleaned.length}`);
  return cleaned;
}

// An origin is scheme, host and optional port, as browsers send it.
export function allowedOrigins(values: readonly string[]): string[] {
  const origins = list('allowed_origins', values).map((value) => {
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {}
    if (
      !url ||
      (url.protocol !== 'http:' && url.protocol !== 'https:') ||
      url.origin !== value.replace(/\/$/, '')
    ) {
      throw invalid(`allowed_origins: "${value}" is not an origin like https://shop.example (no path)`);
    }
    return url.origin;
  });
  return [...new Set(origins)];
}

export function blockedUrls(values: readonly string[]): string[] {
  return list('privacy.blocked_urls', values).map((value) => {
    if (value.length > 500)
      throw invalid(`privacy.blocked_urls: "${value.slice(0, 40)}…" is longer than 500 characters`);
    if (/\s/.test(value)) throw invalid(`privacy.blocked_urls: "${value}" contains spaces`);
    return value;
  });
}
