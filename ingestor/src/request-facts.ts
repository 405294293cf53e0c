import type http from 'node:http';
import type http2 from 'node:http2';
import { createContextKey } from '@connectrpc/connect';
import { clientIpFrom } from './client-ip.ts';

// What the HTTP layer knows about a request that Connect headers do not carry.
// The client IP stays inside the ingestor: only its hash is published.
export interface RequestFacts {
  clientIp: string;
  // ISO country code from the configured trusted header; empty when absent.
  country: string;
  // Content-Length of the request body as sent (compressed or not); 0 when absent.
  bodyBytes: number;
}

export const requestFactsKey = createContextKey<RequestFacts>({ clientIp: '', country: '', bodyBytes: 0 });

export function requestFactsFrom(
  request: http.IncomingMessage | http2.Http2ServerRequest,
  trustedProxyHops: number,
  countryHeader: string,
): RequestFacts {
  const clientIp = clientIpFrom(
    request.socket?.remoteAddress,
    request.headers['x-forwarded-for'],
    trustedProxyHops,
  );
  const raw = countryHeader ? request.headers[countryHeader] : undefined;
  const code = (Array.isArray(raw) ? raw[0] : raw)?.trim().toUpperCase() ?? '';
  // Cloudflare sends XX for unknown and T1 for Tor: neither is a country.
  const country = /^[A-Z]{2}$/.test(code) && code !== 'XX' && code !== 'T1' ? code : '';
  const bodyBytes = Number(request.headers['content-length']) || 0;
  return { clientIp, country, bodyBytes };
}
