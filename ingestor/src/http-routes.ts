import type http from 'node:http';
import { dirname, join } from 'node:path';
import { type Registry, serveMetrics } from '@gosight/common/metrics';
import { createSdkScriptHandler } from './sdk-script.ts';

export interface HttpRoutesOptions {
  registry: Registry;
  isReady: () => Promise<boolean>;
  isDraining: () => boolean;
  sdkScriptPath: string;
  sdkScriptMaxAgeSeconds: number;
}

// The plain HTTP endpoints next to the RPCs. Returns false for other paths.
export function createHttpRoutes(options: HttpRoutesOptions) {
  const sdkScript = createSdkScriptHandler(options.sdkScriptPath, options.sdkScriptMaxAgeSeconds);
  // The lazily loaded parts (the recorder, and the extras: web vitals, mouse
  // movement, the offline queue, gzip) are built next to the snippet; the SDK
  // fetches them from the same origin.
  const sibling = (file: string) =>
    createSdkScriptHandler(join(dirname(options.sdkScriptPath), file), options.sdkScriptMaxAgeSeconds);
  const lazyScripts = new Map([
    ['/sdk-replay.js', sibling('sdk-replay.js')],
    ['/sdk-extras.js', sibling('sdk-extras.js')],
  ]);
  const text = (response: http.ServerResponse, status: number, body: string) =>
    response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(body);

  return (request: http.IncomingMessage, response: http.ServerResponse): boolean => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const path = request.url?.split('?', 1)[0];
    switch (path) {
      case '/healthz':
        text(response, 200, 'ok\n');
        return true;
      case '/readyz':
        if (options.isDraining()) text(response, 503, 'shutting down\n');
        else
          void options
            .isReady()
            .then((ready) => text(response, ready ? 200 : 503, ready ? 'ready\n' : 'kafka unreachable\n'));
        return true;
      case '/metrics':
        void serveMetrics(options.registry, response);
        return true;
      case '/sdk.js':
        void sdkScript(response, request.method);
        return true;
      default: {
        const lazyScript = path ? lazyScripts.get(path) : undefined;
        if (!lazyScript) return false;
        void lazyScript(response, request.method);
        return true;
      }
    }
  };
}
