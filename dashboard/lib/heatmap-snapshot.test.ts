import { describe, expect, it } from 'vitest';
import { parseSnapshotEvents } from './heatmap-snapshot';

const node = { type: 0, id: 1, childNodes: [] };
const meta = { type: 4, timestamp: 1, data: { href: 'http://shop.test/', width: 390, height: 844 } };

describe('parseSnapshotEvents', () => {
  it.each([
    ['not json', '{', { ok: false, reason: 'the recorded snapshot is not valid JSON' }],
    [
      'not a list',
      '{"type":2}',
      { ok: false, reason: 'the recorded snapshot is not a list of rrweb events' },
    ],
    [
      'no full snapshot',
      JSON.stringify([meta]),
      { ok: false, reason: 'the recording holds no full snapshot of the page' },
    ],
    [
      'meta and snapshot',
      JSON.stringify([meta, { type: 2, timestamp: 2, data: { node, initialOffset: { top: 0, left: 0 } } }]),
      { ok: true, snapshot: { width: 390, height: 844, href: 'http://shop.test/', node } },
    ],
    [
      'snapshot without meta uses a desktop viewport',
      JSON.stringify([{ type: 2, timestamp: 2, data: { node } }]),
      { ok: true, snapshot: { width: 1280, height: 800, href: '', node } },
    ],
    [
      'the last full snapshot wins',
      JSON.stringify([
        { type: 2, data: { node: { type: 0, id: 7, childNodes: [] } } },
        { type: 2, data: { node } },
      ]),
      { ok: true, snapshot: { width: 1280, height: 800, href: '', node } },
    ],
  ])('%s', (_name, json, expected) => {
    expect(parseSnapshotEvents(json)).toEqual(expected);
  });
});
