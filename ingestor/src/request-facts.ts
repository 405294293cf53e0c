import type http from 'node:http';
import type http2 from 'node:http2';
import { createContextKey } from '@connectrpc/connect';
import { clientIpFrom } from './client-ip.ts';
import { SIGNATURE_HEADER } from './request-signature.ts';

// What the HTTP layer knows about a request that Connect headers do not carry.
// The client IP stays inside the ingestor: only its hash is published.
export interface RequestFacts {
  clientIp: string;
  // ISO country code from the configured trusted header; empty when absent.
  country: string;
  // Content-Length of the request body as sent (compressed or not); 0 when absent.
  bodyBytes: number;
  // The x-gosight-signature header; empty when absent.
  signature: string;
  // The body as received, kept only for signed requests (filled while Connect reads it).
  body: Uint8Array[];
}

export const requestFactsKey = createContextKey<RequestFacts>({
  clientIp: '',
  country: '',
  bodyBytes: 0,
  signature: '',
  body: [],
});

// Connect reads a request body with for await; this copies each chunk as it
// passes, so that the handler can check a signature over the exact bytes sent.
function keepBody(request: http.IncomingMessage | http2.Http2ServerRequest): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  const read = request[Symbol.asyncIterator].bind(request);
  Object.defineProperty(request, Symbol.asyncIterator, {
    configurable: true,
    value: async function* () {
      for await (const chunk of read()) {
        chunks.push(chunk as Uint8Array);
        yield chunk;
      }
    },
  });
  return chunks;
}

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
  const header = request.headers[SIGNATURE_HEADER];
  const signature = (Array.isArray(header) ? header[0] : header) ?? '';
  return { clientIp, country, bodyBytes, signature, body: signature ? keepBody(request) : [] };
}
