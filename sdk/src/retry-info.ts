import { fromBase64 } from './base64.ts';

// The delay a google.rpc.RetryInfo detail of a Connect error asks for, in ms.
// Connect sends { type: "google.rpc.RetryInfo", value: base64 (unpadded) of
// RetryInfo { Duration retry_delay = 1 } }, that is 0x0a, the length, then
// Duration { int64 seconds = 1; int32 nanos = 2 } as tags 0x08 and 0x10 with
// varints. Undefined when there is none or it does not decode.
export function retryInfoDelayMs(details: unknown): number | undefined {
  for (const detail of Array.isArray(details) ? details : []) {
    if (detail?.type !== 'google.rpc.RetryInfo' || typeof detail.value !== 'string') continue;
    try {
      const base64 = detail.value.replace(/-/g, '+').replace(/_/g, '/');
      const bytes = fromBase64(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
      if (bytes.length === 0) return 0;
      if (bytes[0] !== 0x0a || bytes[1] !== bytes.length - 2) return undefined;
      let ms = 0;
      for (let at = 2; at < bytes.length; ) {
        const tag = bytes[at++];
        let value = 0;
        for (let scale = 1; ; scale *= 128) {
          const byte = bytes[at++];
          if (byte === undefined) return undefined;
          value += (byte & 127) * scale;
          if (byte < 128) break;
        }
        if (tag === 0x08) ms += value * 1000;
        else if (tag === 0x10) ms += value / 1e6;
        else return undefined;
      }
      return Math.round(ms);
    } catch {
      return undefined;
    }
  }
  return undefined;
}
