import { DeviceType } from '@gosight/proto/v1/pipeline_pb';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BOT_USER_AGENTS } from './config.ts';
import { createUserAgentParser, isBot } from './user-agent.ts';

const parse = createUserAgentParser();

describe('user agent parsing', () => {
  const cases: [string, string, object][] = [
    [
      'Chrome on Windows',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      {
        browser: 'Chrome',
        browserVersion: '131.0.0.0',
        os: 'Windows',
        osVersion: '10',
        deviceType: DeviceType.DESKTOP,
      },
    ],
    [
      'Safari on an iPad',
      'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      { browser: 'Mobile Safari', os: 'iOS', osVersion: '17.5', deviceType: DeviceType.TABLET },
    ],
    [
      'Chrome on Android',
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
      { browser: 'Chrome', os: 'Android', osVersion: '14', deviceType: DeviceType.MOBILE },
    ],
    ['an empty header', '', { browser: '', os: '', deviceType: DeviceType.UNSPECIFIED }],
  ];
  for (const [name, userAgent, expected] of cases)
    it(`recognises ${name}`, () => expect(parse(userAgent)).toMatchObject(expected));
});

describe('bot detection with the default list', () => {
  const cases: [string, boolean][] = [
    ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', true],
    ['Mozilla/5.0 (compatible; bingbot/2.0)', true],
    ['facebookexternalhit/1.1', true],
    ['Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Baiduspider/2.0)', true],
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
      false,
    ],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:128.0) Gecko/20100101 Firefox/128.0', false],
    ['', false],
  ];
  for (const [userAgent, expected] of cases)
    it(`${expected ? 'drops' : 'keeps'} "${userAgent.slice(0, 50)}"`, () =>
      expect(isBot(userAgent, DEFAULT_BOT_USER_AGENTS)).toBe(expected));
});
