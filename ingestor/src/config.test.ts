import { describe, expect, it } from 'vitest';
import { ingestorConfigFrom } from './config.ts';

describe('ingestorConfigFrom', () => {
  it('has defaults that match the local stack', () => {
    const config = ingestorConfigFrom({});
    expect(config).toMatchObject({
      port: 7100,
      keyCacheSeconds: 10,
      trustedProxyHops: 0,
      countryHeader: '',
      truncateIp: false,
      ipHashSecretGenerated: true,
      projectRate: { perSecond: 20_000, burst: 60_000 },
      publishTimeoutMs: 2500,
      kafkaProbeIntervalMs: 1000,
    });
    expect(config.sdkScriptPath).toMatch(/sdk\/dist\/sdk\.js$/);
  });

  it('reads every setting', () => {
    const config = ingestorConfigFrom({
      GOSIGHT_IP_HASH_SECRET: 'a-secret-of-enough-length',
      GOSIGHT_TRUSTED_PROXY_HOPS: '2',
      GOSIGHT_COUNTRY_HEADER: 'CF-IPCountry',
      GOSIGHT_TRUNCATE_IP: 'true',
      GOSIGHT_BOT_USER_AGENTS: 'Bot, Crawler',
      GOSIGHT_IP_RATE_PER_SECOND: '5',
      GOSIGHT_IP_RATE_BURST: '10',
      GOSIGHT_MAX_EVENTS_PER_BATCH: '100',
      GOSIGHT_PUBLISH_TIMEOUT_MS: '4000',
      GOSIGHT_KAFKA_PROBE_INTERVAL_MS: '2000',
    });
    expect(config).toMatchObject({
      ipHashSecret: 'a-secret-of-enough-length',
      ipHashSecretGenerated: false,
      trustedProxyHops: 2,
      countryHeader: 'cf-ipcountry',
      truncateIp: true,
      botUserAgents: ['bot', 'crawler'],
      ipRate: { perSecond: 5, burst: 10 },
      publishTimeoutMs: 4000,
      kafkaProbeIntervalMs: 2000,
    });
    expect(config.limits.eventsPerBatch).toBe(100);
  });

  const invalid: [Record<string, string>, string][] = [
    [{ GOSIGHT_IP_HASH_SECRET: 'short' }, 'GOSIGHT_IP_HASH_SECRET must be at least 16 characters'],
    [{ GOSIGHT_TRUNCATE_IP: 'yes' }, 'GOSIGHT_TRUNCATE_IP must be true or false, got "yes"'],
    [
      { GOSIGHT_KEY_CACHE_SECONDS: '1' },
      'GOSIGHT_KEY_CACHE_SECONDS must be an integer from 2 to 3600, got "1"',
    ],
    [
      { GOSIGHT_PROJECT_RATE_PER_SECOND: '100', GOSIGHT_PROJECT_RATE_BURST: '50' },
      'GOSIGHT_PROJECT_RATE_BURST must be at least GOSIGHT_PROJECT_RATE_PER_SECOND',
    ],
  ];
  for (const [env, message] of invalid)
    it(`refuses ${JSON.stringify(env)}`, () => expect(() => ingestorConfigFrom(env)).toThrow(message));
});
