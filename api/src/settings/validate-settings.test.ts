import { ConnectError } from '@connectrpc/connect';
import { describe, expect, it } from 'vitest';
import { allowedOrigins, blockedUrls, rateLimit, retentionDays, timeZone } from './validate-settings.ts';

function message(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return ConnectError.from(error).rawMessage;
  }
  return 'accepted';
}

describe('settings validation', () => {
  it.each([
    ['time zone', () => timeZone(' Europe/Berlin '), 'accepted'],
    [
      'unknown time zone',
      () => timeZone('Mars/Olympus'),
      'time_zone "Mars/Olympus" is not an IANA time zone',
    ],
    ['empty time zone', () => timeZone(''), 'time_zone is required'],
    ['retention', () => retentionDays('events_retention_days', 90), 'accepted'],
    [
      'zero retention',
      () => retentionDays('replay_retention_days', 0),
      'replay_retention_days must be a whole number of days from 1 to 3650; got 0',
    ],
    [
      'fractional retention',
      () => retentionDays('events_retention_days', 1.5),
      'events_retention_days must be a whole number',
    ],
    ['rate', () => rateLimit('ingest.rate_limit_burst_events', 0), 'accepted'],
    [
      'negative rate',
      () => rateLimit('ingest.rate_limit_events_per_second', -1),
      'ingest.rate_limit_events_per_second must be 0',
    ],
    ['origin', () => allowedOrigins(['https://shop.example', 'http://localhost:3000/']), 'accepted'],
    [
      'origin with path',
      () => allowedOrigins(['https://shop.example/cart']),
      '"https://shop.example/cart" is not an origin',
    ],
    ['not a URL', () => allowedOrigins(['shop.example']), '"shop.example" is not an origin'],
    ['blocked url', () => blockedUrls(['/admin/*']), 'accepted'],
    ['blocked url with space', () => blockedUrls(['/a b']), 'privacy.blocked_urls: "/a b" contains spaces'],
  ])('%s', (_name, run, expected) => {
    expect(message(run)).toContain(expected);
  });

  it('normalises what it accepts', () => {
    expect(timeZone('utc')).toBe('UTC');
    expect(rateLimit('x', 0)).toBeNull();
    expect(allowedOrigins(['http://localhost:3000/', 'http://localhost:3000', ' '])).toEqual([
      'http://localhost:3000',
    ]);
  });
});
