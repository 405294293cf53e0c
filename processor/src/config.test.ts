import { describe, expect, it } from 'vitest';
import { processorConfigFrom, ROLES } from './config.ts';

describe('processorConfigFrom', () => {
  it.each([
    { argv: [], env: {}, roles: [...ROLES] },
    { argv: ['--roles=sessions'], env: {}, roles: ['sessions'] },
    {
      argv: ['--roles=events,replay'],
      env: { GOSIGHT_PROCESSOR_ROLES: 'sessions' },
      roles: ['events', 'replay'],
    },
    { argv: [], env: { GOSIGHT_PROCESSOR_ROLES: 'retention, events' }, roles: ['retention', 'events'] },
  ])('roles from $argv and $env', ({ argv, env, roles }) => {
    expect(processorConfigFrom(env, argv).roles).toEqual(roles);
  });

  it('rejects an unknown role, naming it', () => {
    expect(() => processorConfigFrom({}, ['--roles=events,writer'])).toThrow(/unknown role\(s\) writer/);
  });

  it('has production defaults and reads the metrics port and session timeout', () => {
    expect(processorConfigFrom({}, [])).toMatchObject({
      flushRows: 20_000,
      flushAgeMs: 500,
      metricsPort: 7500,
      sessionTimeoutMs: 30_000,
      testPauseAfterWriteMs: 0,
    });
    const config = processorConfigFrom(
      { GOSIGHT_PROCESSOR_METRICS_PORT: '9100', GOSIGHT_CONSUMER_SESSION_TIMEOUT_MS: '6000' },
      [],
    );
    expect(config).toMatchObject({ metricsPort: 9100, sessionTimeoutMs: 6000 });
    expect(() => processorConfigFrom({ GOSIGHT_CONSUMER_SESSION_TIMEOUT_MS: '100' }, [])).toThrow(/6000/);
  });
});
