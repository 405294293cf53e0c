import { expect, it } from 'vitest';
import { safeNext } from './safe-next';

it.each([
  ['/projects/demo/sessions', '/projects/demo/sessions'],
  ['', '/'],
  ['https://evil.example/', '/'],
  ['//evil.example/', '/'],
  ['/\\evil.example/', '/'],
])('%s goes to %s', (next, expected) => {
  expect(safeNext(next)).toBe(expected);
});
