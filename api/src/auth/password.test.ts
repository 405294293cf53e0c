import { expect, it } from 'vitest';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from './password.ts';

it('verifies the right password against a salted scrypt hash and nothing else', async () => {
  const hash = await hashPassword('correct horse battery');
  expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
  expect(await hashPassword('correct horse battery')).not.toBe(hash);
  expect(await verifyPassword('correct horse battery', hash)).toBe(true);
  expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
  expect(await verifyPassword('anything', DUMMY_PASSWORD_HASH)).toBe(false);
  expect(await verifyPassword('anything', 'md5$abc')).toBe(false);
});
