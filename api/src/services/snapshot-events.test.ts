import { expect, it } from 'vitest';
import { snapshotEvents } from './snapshot-events.ts';

it.each([
  [
    'meta and full snapshot',
    '[{"type":4,"w":1},{"type":3},{"type":2,"n":1},{"type":3}]',
    '[{"type":4,"w":1},{"type":2,"n":1}]',
  ],
  [
    'the last meta before the snapshot',
    '[{"type":4,"w":1},{"type":4,"w":2},{"type":2}]',
    '[{"type":4,"w":2},{"type":2}]',
  ],
  ['a snapshot without meta', '[{"type":2}]', '[{"type":2}]'],
  ['no snapshot', '[{"type":3}]', undefined],
  ['not JSON', '[{', undefined],
  ['not an array', '{"type":2}', undefined],
])('keeps %s', (_name, input, expected) => {
  expect(snapshotEvents(input)).toBe(expected);
});
