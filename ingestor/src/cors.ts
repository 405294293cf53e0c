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
  response.setHeader('Access-Control-Expose-Headers', cors.exposedHeaders.join(', '));
  if (request.method !== 'OPTIONS') return false;
  response.writeHead(204, {
    'Access-Control-Allow-Methods': cors.allowedMethods.join(', '),
    'Access-Control-Allow-Headers': cors.allowedHeaders.join(', '),
    'Access-Control-Max-Age': '7200',
  });
  response.end();
  return true;
}
