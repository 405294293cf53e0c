import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { basename } from 'node:path';

// Serves a file of the SDK's snippet build (GET /sdk.js, /sdk-replay.js),
// re-read when it changes, so a rebuilt SDK is served without a restart.
export function createSdkScriptHandler(path: string, maxAgeSeconds: number) {
  let cached: { mtimeMs: number; body: Buffer } | undefined;
  return async (response: ServerResponse, method: string) => {
    const headers = { 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' };
    try {
      const info = await stat(path);
      if (!cached || cached.mtimeMs !== info.mtimeMs)
        cached = { mtimeMs: info.mtimeMs, body: await readFile(path) };
    } catch {
      response
        .writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' })
        .end(
          `${basename(path)} is not built: run \`npm run build -w sdk\`, or point GOSIGHT_SDK_JS_PATH at the snippet build\n`,
        );
      return;
    }
    response.writeHead(200, {
      ...headers,
      'content-type': 'text/javascript; charset=utf-8',
      'content-length': cached.body.length,
      'cache-control': `public, max-age=${maxAgeSeconds}`,
    });
    response.end(method === 'HEAD' ? undefined : cached.body);
  };
}
