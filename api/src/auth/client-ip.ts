import type http from 'node:http';
import type http2 from 'node:http2';
import { createContextKey } from '@connectrpc/connect';

// The caller's address as the API sees it, for the login throttle.
export const clientIpKey = createContextKey<string | undefined>(undefined, { description: 'client IP' });

// The connection's address, or with trustedProxyHops > 0 the address that many
// hops from the right of X-Forwarded-For (the part the proxies appended).
export function clientIpFrom(
  request: http.IncomingMessage | http2.Http2ServerRequest,
  trustedProxyHops: number,
): string | undefined {
  const peer = request.socket?.remoteAddress;
  if (trustedProxyHops <= 0) return peer;
  const header = request.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return hops[hops.length - trustedProxyHops] ?? peer;
}
