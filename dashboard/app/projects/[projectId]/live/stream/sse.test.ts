import { describe, expect, it } from 'vitest';
import { sseEvent } from './sse';

describe('sseEvent', () => {
  it.each([
    ['snapshot', { activeSessions: 2 }, 'event: snapshot\ndata: {"activeSessions":2}\n\n'],
    [
      'failure',
      { message: 'line one\nline two' },
      'event: failure\ndata: {"message":"line one\\nline two"}\n\n',
    ],
    ['empty', null, 'event: empty\ndata: null\n\n'],
  ])('%s', (event, data, expected) => {
    expect(sseEvent(event, data)).toBe(expected);
  });
});
