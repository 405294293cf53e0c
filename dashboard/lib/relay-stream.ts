import { ConnectError } from '@connectrpc/connect';

/**
 * A streamed response for the browser, written from an API stream: `relay`
 * sends what it reads until the API ends the stream; an API error becomes one
 * last message from `failure`. When the browser goes away the signal given to
 * `relay` aborts, which cancels the API stream.
 */
export function relayToBrowser(
  request: Request,
  headers: HeadersInit,
  relay: (send: (text: string) => void, signal: AbortSignal) => Promise<void>,
  failure: (error: ConnectError) => string,
): Response {
  const upstream = new AbortController();
  const stop = () => upstream.abort();
  request.signal.addEventListener('abort', stop, { once: true });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => controller.enqueue(encoder.encode(text));
      try {
        await relay(send, upstream.signal);
      } catch (err) {
        if (!upstream.signal.aborted) send(failure(ConnectError.from(err)));
      } finally {
        request.signal.removeEventListener('abort', stop);
        if (!upstream.signal.aborted) controller.close();
      }
    },
    cancel: stop,
  });
  return new Response(body, { headers });
}
