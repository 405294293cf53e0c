import { describe, expect, it } from 'vitest';
import { clientIpFrom, truncateIp } from './client-ip.ts';

describe('clientIpFrom', () => {
  const cases: [string, string | undefined, string | undefined, number, string][] = [
    ['the peer when no proxy is trusted', '203.0.113.9', '198.51.100.1', 0, '203.0.113.9'],
    ['an IPv4-mapped peer as IPv4', '::ffff:203.0.113.9', undefined, 0, '203.0.113.9'],
    ['the last entry behind one trusted proxy', '10.0.0.1', '1.1.1.1, 198.51.100.1', 1, '198.51.100.1'],
    ['the second-to-last behind two', '10.0.0.1', '1.1.1.1, 198.51.100.1, 10.0.0.2', 2, '198.51.100.1'],
    ['the peer when the header has too few entries', '10.0.0.1', '198.51.100.1', 2, '10.0.0.1'],
    ['the peer when the header is absent', '10.0.0.1', undefined, 1, '10.0.0.1'],
    ['the peer when the entry is not an address', '10.0.0.1', 'unknown', 1, '10.0.0.1'],
    ['an IPv6 entry', '10.0.0.1', '2001:db8::1', 1, '2001:db8::1'],
  ];
  for (const [name, peer, header, hops, expected] of cases)
    it(`takes ${name}`, () => expect(clientIpFrom(peer, header, hops)).toBe(expected));
});

describe('truncateIp', () => {
  const cases: [string, string][] = [
    ['203.0.113.9', '203.0.113.0'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3::'],
    ['2001:db8::1', '2001:db8:0::'],
    ['not an address', 'not an address'],
  ];
  for (const [input, expected] of cases)
    it(`keeps the network of ${input}`, () => expect(truncateIp(input)).toBe(expected));
});
