import type http from 'node:http';
import { expect, it } from 'vitest';
import { clientIpFrom } from './client-ip.ts';

const request = (forwardedFor: string | undefined) =>
  ({
    socket: { remoteAddress: '10.0.0.9' },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as http.IncomingMessage;

it.each([
  ['no proxy: the connection, whatever the header says', undefined, 0, '10.0.0.9'],
  ['no proxy, forged header ignored', '1.2.3.4', 0, '10.0.0.9'],
  ['one proxy: the address it appended', '6.6.6.6, 203.0.113.7', 1, '203.0.113.7'],
  ['two proxies', '6.6.6.6, 203.0.113.7, 10.1.1.1', 2, '203.0.113.7'],
  ['fewer entries than proxies: the connection', '203.0.113.7', 2, '10.0.0.9'],
  ['no header behind a proxy: the connection', undefined, 1, '10.0.0.9'],
] as const)('%s', (_, header, hops, expected) => {
  expect(clientIpFrom(request(header), hops)).toBe(expected);
});
