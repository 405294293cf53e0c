import type { CallError, UnaryCall } from './connect-unary.ts';
import { gzip } from './gzip.ts';

// A call with its body gzipped (Content-Encoding: gzip). When that fails at
// the network level while the browser is online (a proxy, or a browser whose
// CORS preflight checks Content-Encoding against an ingestor that does not
// allow it), the same call goes again uncompressed; `refused` tells that this
// worked, so that the caller stops compressing.
export async function callGzipped(
  callUnary: (call: UnaryCall) => Promise<CallError | undefined>,
  call: UnaryCall,
  isOnline: () => boolean,
): Promise<{ error: CallError | undefined; refused: boolean }> {
  let compressed: Uint8Array;
  try {
    compressed = await gzip(call.body);
  } catch {
    return { error: await callUnary(call), refused: false };
  }
  const error = await callUnary({ ...call, body: compressed, gzip: true });
  if (!error?.network || !isOnline()) return { error, refused: false };
  const plain = await callUnary(call);
  return { error: plain, refused: !plain };
}
