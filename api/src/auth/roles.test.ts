import { expect, it } from 'vitest';
import { allows, type Permission, type RoleName } from './roles.ts';

const TABLE: [RoleName, Permission[]][] = [
  ['owner', ['analytics.read', 'content.read', 'keys.read', 'project.manage', 'owners.manage']],
  ['admin', ['analytics.read', 'content.read', 'keys.read', 'project.manage']],
  ['member', ['analytics.read', 'content.read', 'keys.read']],
  ['viewer', ['analytics.read']],
];
const ALL: Permission[] = ['analytics.read', 'content.read', 'keys.read', 'project.manage', 'owners.manage'];

it.each(TABLE)('%s has exactly %o', (role, permitted) => {
  expect(ALL.filter((permission) => allows(role, permission))).toEqual(permitted);
});
