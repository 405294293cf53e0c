import { describe, expect, it } from 'vitest';
import { createUrlMatcher } from './url-blocklist.ts';

describe('createUrlMatcher', () => {
  const cases: { pattern: string | RegExp; url: string; match: boolean }[] = [
    { pattern: '/admin', url: 'https://a.example/admin/users', match: true },
    { pattern: '/admin', url: 'https://a.example/shop', match: false },
    { pattern: '/account/*/payment', url: 'https://a.example/account/42/payment?x=1', match: true },
    { pattern: '/account/*/payment', url: 'https://a.example/account/payment', match: false },
    { pattern: 'https://*.internal.example/', url: 'https://hr.internal.example/x', match: true },
    { pattern: '?token=', url: 'https://a.example/reset?token=abc', match: true },
    { pattern: 'a.b', url: 'https://axb.example/', match: false },
    { pattern: /\/checkout$/, url: 'https://a.example/checkout', match: true },
    { pattern: /\/checkout$/g, url: 'https://a.example/checkout', match: true },
  ];
  it.each(cases)('$pattern on $url → $match', ({ pattern, url, match }) => {
    const matches = createUrlMatcher([pattern]);
    expect(matches(url)).toBe(match);
    expect(matches(url)).toBe(match);
  });

  it('matches nothing without patterns', () => {
    expect(createUrlMatcher([])('https://a.example/')).toBe(false);
  });
});
