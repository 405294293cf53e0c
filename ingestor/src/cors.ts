import type { IncomingMessage, ServerResponse } from 'node:http';
import { cors } from '@connectrpc/connect';

// Adds CORS headers for allowed origins; answers preflights. Returns true when
// the request was fully handled here.
export function handleCors(
  allowedOrigins: string[],
  request: IncomingMessage,
  response: ServerResponse,
): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  if (!allowedOrigins.includes('*') && !allowedOrigins.includes(origin)) {
    if (request.method === 'OPTIONS') {
      response.writeHead(403).end();
      return true;
    }
    return false;
  }
  response.setHeader('Access-Control-Allow-Origin', origin);
  response.setHeader('Vary', 'Origin');
  // Retry-After tells a rate-limited browser when to come back.
  response.setHeader('Access-Control-Expose-Headers', [...cors.exposedHeaders, 'Retry-After'].join(', '));
  if (request.method !== 'OPTIONS') return false;
  response.writeHead(204, {
    'Access-Control-Allow-Methods': cors.allowedMethods.join(', '),
    // The SDK gzips request bodies.
    'Access-Control-Allow-Headers': [...cors.allowedHeaders, 'Content-Encoding'].join(', '),
    'Access-Control-Max-Age': '7200',
  });
  response.end();
  return true;
}
