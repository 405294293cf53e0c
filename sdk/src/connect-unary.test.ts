import { describe, expect, it } from 'vitest';
import { retryAfterHeader } from './call-error.ts';
import { callUnary, type Fetch } from './connect-unary.ts';
import { setExtrasLoader } from './extras-loader.ts';

setExtrasLoader(() => import('./extras.ts'));

const call = {
  url: 'https://gs.example/gosight.v1.IngestService/IngestBatch',
  body: new Uint8Array([1, 2]),
  gzip: false,
  keepalive: false,
  timeoutMs: 1000,
};

describe('callUnary', () => {
  it('POSTs a Connect unary request with the binary codec', async () => {
    let seen: { input: string; init: RequestInit } | undefined;
    const fetchFn: Fetch = async (input, init) => {
      seen = { input, init };
      return new Response(new Uint8Array([8, 1]), {
        status: 200,
        headers: { 'content-type': 'application/proto' },
      });
    };
    expect(await callUnary(fetchFn, { ...call, gzip: true, keepalive: true })).toBeUndefined();
    expect(seen?.input).toBe(call.url);
    expect(seen?.init).toMatchObject({
      method: 'POST',
      keepalive: true,
      headers: {
        'content-type': 'application/proto',
        'connect-protocol-version': '1',
        'content-encoding': 'gzip',
      },
    });
  });

  const errors: { name: string; response: () => Response; want: object }[] = [
    {
      name: 'a Connect error body',
      response: () => Response.json({ code: 'invalid_argument', message: 'bad event' }, { status: 400 }),
      want: { code: 'invalid_argument', message: 'bad event' },
    },
    {
      name: 'a Connect error with Retry-After',
      response: () =>
        Response.json(
          { code: 'resource_exhausted', message: 'slow down' },
          { status: 429, headers: { 'retry-after': '3' } },
        ),
      want: { code: 'resource_exhausted', retryAfterMs: 3000 },
    },
    {
      name: "a proxy's bare 503",
      response: () =>
        new Response('<html>down</html>', {
          status: 503,
          headers: { 'content-type': 'text/html', 'retry-after': '7' },
        }),
      want: { code: 'unavailable', message: 'HTTP 503', retryAfterMs: 7000 },
    },
    {
      name: 'a bare 404',
      response: () => new Response('', { status: 404 }),
      want: { code: 'unimplemented' },
    },
    { name: 'a bare 500', response: () => new Response('', { status: 500 }), want: { code: 'unknown' } },
  ];
  it.each(errors)('reads $name', async ({ response, want }) => {
    expect(await callUnary(async () => response(), call)).toMatchObject(want);
  });

  it('reports a failed fetch as a network error', async () => {
    const error = await callUnary(async () => {
      throw new TypeError('Failed to fetch');
    }, call);
    expect(error).toMatchObject({ code: 'unavailable', network: true });
  });
});

describe('retryAfterHeader', () => {
  it.each([
    ['5', 5000],
    [' 0 ', 0],
    ['Thu, 01 Jan 1970 00:00:10 GMT', 9000],
    ['soon', undefined],
    [null, undefined],
  ])('%s → %s', (value, ms) => {
    expect(retryAfterHeader(value, 1000)).toBe(ms);
  });
});
