import { describe, expect, it } from 'vitest';
import { isBlockedUrl } from './url-blocklist.ts';

describe('isBlockedUrl', () => {
  it.each([
    ['https://shop.example/account/settings', ['*/account/*'], true],
    ['https://shop.example/account', ['*/account/*'], false],
    ['https://shop.example/checkout?step=2', ['https://shop.example/checkout*'], true],
    ['https://shop.example/checkout', ['https://shop.example/checkout'], true],
    ['https://shop.example/checkout/x', ['https://shop.example/checkout'], false],
    ['https://shopXexample/checkout', ['https://shop.example/checkout'], false],
    ['https://shop.example/(a)', ['*(a)'], true],
    ['https://shop.example/', [], false],
    ['https://shop.example/', ['  '], false],
    ['', ['*'], false],
    ['https://shop.example/admin', ['*/login', '*/admin'], true],
  ])('%s against %j: %s', (url, patterns, blocked) => {
    expect(isBlockedUrl(url, patterns)).toBe(blocked);
  });
});
