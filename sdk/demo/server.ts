import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { snippetTag } from './snippet-tag.ts';

export interface DemoServerOptions {
  port: number;
  host?: string;
  // Where the SDK sends batches (the ingestor's base URL).
  ingestUrl: string;
  projectKey: string;
  // The folder of the built sdk.js, sdk-extras.js and sdk-replay.js.
  distDir?: string;
}

export interface DemoServer {
  url: string;
  close(): Promise<void>;
}

const DEMO_DIR = fileURLToPath(new URL('.', import.meta.url));
const DIST_DIR = fileURLToPath(new URL('../dist/', import.meta.url));
const PAGES = new Set(['/index.html', '/checkout.html']);
const ASSETS = new Set(['/shop.js', '/style.css']);
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

// A fake shop with the GoSight snippet in every page. The pages load /sdk.js
// (and /sdk-extras.js, /sdk-replay.js) from this server and send to ingestUrl.
export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const distDir = options.distDir ?? DIST_DIR;
  const tag = snippetTag('/sdk.js', { projectKey: options.projectKey, endpoint: options.ingestUrl });

  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://demo').pathname;
    const page = path === '/' ? '/index.html' : path;
    try {
      let body: string | Buffer;
      if (PAGES.has(page)) {
        body = (await readFile(join(DEMO_DIR, page), 'utf8')).replace('</head>', `  ${tag}\n  </head>`);
      } else if (ASSETS.has(page)) {
        body = await readFile(join(DEMO_DIR, page));
      } else if (page === '/sdk.js' || page === '/sdk-extras.js' || page === '/sdk-replay.js') {
        body = await readFile(join(distDir, page));
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'content-type': TYPES[extname(page)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
