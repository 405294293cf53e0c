import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { snippetTag } from '../demo/snippet-tag.ts';

export interface FixtureServer {
  url: string;
  close(): Promise<void>;
}

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const SDK_FILES = ['/sdk.js', '/sdk-extras.js', '/sdk-replay.js'];

// Serves the built snippet files (/sdk.js, /sdk-extras.js, /sdk-replay.js) and the given test
// pages, each with the snippet calling init(initArg) in its <head>.
export async function startFixtureServer(
  pages: Record<string, string>,
  initArg: { projectKey: string; endpoint: string } & Record<string, unknown>,
): Promise<FixtureServer> {
  const tag = snippetTag('/sdk.js', initArg as { projectKey: string; endpoint: string });
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://fixture').pathname;
    try {
      const page = pages[path];
      if (page !== undefined) {
        const html = `<!doctype html><html><head><meta charset="utf-8"><title>${path}</title>${tag}</head><body>${page}</body></html>`;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(html);
      } else if (SDK_FILES.includes(path)) {
        const body = await readFile(`${DIST}${path.slice(1)}`);
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
        res.end(body);
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
