import { ConfigError, type Env, intFrom, listFrom } from '@gosight/common/env';
import { type InfraConfig, infraConfigFrom } from '@gosight/common/infra-config';

export const ROLES = ['events', 'replay'] as const;
export type Role = (typeof ROLES)[number];

export interface ProcessorConfig {
  infra: InfraConfig;
  roles: Role[];
  flushRows: number;
  flushAgeMs: number;
}

export function rolesFrom(list: string[]): Role[] {
  const unknown = list.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (unknown.length > 0)
    throw new ConfigError(`unknown role(s) ${unknown.join(', ')}; known: ${ROLES.join(', ')}`);
  return list as Role[];
}

// Roles come from --roles=a,b or GOSIGHT_PROCESSOR_ROLES; all by default.
export function processorConfigFrom(env: Env, argv: readonly string[]): ProcessorConfig {
  const flag = argv.find((arg) => arg.startsWith('--roles='));
  const roles = flag
    ? flag.slice('--roles='.length).split(',')
    : listFrom(env, 'GOSIGHT_PROCESSOR_ROLES', ROLES);
  return {
    infra: infraConfigFrom(env),
    roles: rolesFrom(roles),
    flushRows: intFrom(env, 'GOSIGHT_FLUSH_ROWS', 5000, 1),
    flushAgeMs: intFrom(env, 'GOSIGHT_FLUSH_AGE_MS', 500, 10),
  };
}
