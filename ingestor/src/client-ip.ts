import { isIP } from 'node:net';

// The client's address: the connection's peer, or, behind trustedHops reverse
// proxies that each append to X-Forwarded-For, the entry the outermost trusted
// proxy saw. Entries further left are client-supplied and never trusted.
export function clientIpFrom(
  remoteAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedHops: number,
): string {
  const peer = normalize(remoteAddress ?? '');
  if (trustedHops === 0 || forwardedFor === undefined) return peer;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  const candidate = entries[entries.length - trustedHops];
  if (candidate === undefined) return peer;
  const address = normalize(candidate);
  return isIP(address) ? address : peer;
}

function normalize(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

// Keeps the network part of an address: /24 for IPv4, /48 for IPv6.
export function truncateIp(address: string): string {
  const version = isIP(address);
  if (version === 4) return address.replace(/\.\d+$/, '.0');
  if (version === 6) {
    const groups = expandIpv6(address);
    return groups ? `${groups.slice(0, 3).join(':')}::` : address;
  }
  return address;
}

function expandIpv6(address: string): string[] | undefined {
  if (address.includes('.')) return undefined;
  const [left = '', right] = address.split('::');
  const head = left ? left.split(':') : [];
  const tail = right ? right.split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (right === undefined && missing !== 0) return undefined;
  return [...head, ...Array<string>(Math.max(0, missing)).fill('0'), ...tail];
}
