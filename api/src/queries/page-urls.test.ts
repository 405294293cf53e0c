import { describe, expect, it } from 'vitest';
import { urlCondition } from './page-urls.ts';

describe('urlCondition', () => {
  const cases: [string, string, string[] | undefined, string][] = [
    [
      'the exact URLs found',
      '/cart',
      ['https://a.test/cart', "https://a.test/it's"],
      "url IN ('https://a.test/cart', 'https://a.test/it\\'s')",
    ],
    ['no URL: no row', '/nowhere', [], 'url != url'],
    ['too many URLs: the substring itself', "/o'k", undefined, "positionCaseInsensitive(url, '/o\\'k') > 0"],
  ];
  it.each(cases)('%s', (_name, substring, urls, expected) => {
    expect(urlCondition(substring, urls)).toBe(expected);
  });
});
