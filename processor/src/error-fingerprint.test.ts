import { describe, expect, it } from 'vitest';
import { errorFingerprint, normaliseMessage, topFrame } from './error-fingerprint.ts';

describe('normaliseMessage', () => {
  it.each([
    [
      "Cannot read properties of undefined (reading 'x')",
      'Cannot read properties of undefined (reading <str>)',
    ],
    ['Item 42 not found', 'Item <num> not found'],
    ['order 0194f2c1-7e3a-7bb2-9f00-1a2b3c4d5e6f failed', 'order <id> failed'],
    ['hash deadbeef12 bad', 'hash <id> bad'],
    ['  a\n\tb  ', 'a b'],
  ])('%s', (input, expected) => {
    expect(normaliseMessage(input)).toBe(expected);
  });
});

describe('topFrame', () => {
  it.each([
    [
      'TypeError: x\n    at onClick (https://a.example/app.js?v=3:10:5)\n    at b (c.js:1:1)',
      'onClick https://a.example/app.js',
    ],
    ['Error\n    at https://a.example/app.js:10:5', '<anonymous> https://a.example/app.js'],
    ['onClick@https://a.example/app.js:10:5\nb@c.js:1:1', 'onClick https://a.example/app.js'],
    ['no frames here', ''],
  ])('%#', (stack, expected) => {
    expect(topFrame(stack)).toBe(expected);
  });
});

describe('errorFingerprint', () => {
  it('is equal for errors differing only in variable parts', () => {
    const a = errorFingerprint('Item 1 not found', 'Error\n    at load (https://a.example/app.js?v=1:10:5)');
    const b = errorFingerprint('Item 2 not found', 'Error\n    at load (https://a.example/app.js?v=2:12:9)');
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
  });
  it('differs by top frame and by message', () => {
    const base = errorFingerprint('boom', 'at f (a.js:1:1)');
    expect(errorFingerprint('boom', 'at g (a.js:1:1)')).not.toBe(base);
    expect(errorFingerprint('bang', 'at f (a.js:1:1)')).not.toBe(base);
  });
});
