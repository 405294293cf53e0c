// RFC 9562 UUIDv7: 48-bit millisecond timestamp, then a 12-bit counter in rand_a
// (method 1, "fixed-length dedicated counter") so ids made in one millisecond,
// or while the clock steps back, still sort in creation order.
export type RandomBytes = (bytes: Uint8Array) => void;

const COUNTER_MAX = 0xfff;

export function createUuidV7(
  now: () => number = Date.now,
  randomBytes: RandomBytes = (bytes) => crypto.getRandomValues(bytes),
): () => string {
  let lastMs = -1;
  let counter = 0;
  const bytes = new Uint8Array(16);

  return () => {
    randomBytes(bytes);
    let ms = Math.max(now(), lastMs);
    if (ms === lastMs) {
      counter++;
      if (counter > COUNTER_MAX) {
        ms++;
        counter = seedCounter(bytes);
      }
    } else {
      counter = seedCounter(bytes);
    }
    lastMs = ms;

    // 48-bit timestamp, big-endian; split because bit operators are 32-bit.
    const high = Math.floor(ms / 0x1_0000_0000);
    const low = ms >>> 0;
    bytes[0] = (high >>> 8) & 0xff;
    bytes[1] = high & 0xff;
    bytes[2] = (low >>> 24) & 0xff;
    bytes[3] = (low >>> 16) & 0xff;
    bytes[4] = (low >>> 8) & 0xff;
    bytes[5] = low & 0xff;
    bytes[6] = 0x70 | (counter >>> 8);
    bytes[7] = counter & 0xff;
    bytes[8] = 0x80 | (bytes[8]! & 0x3f);
    return format(bytes);
  };
}

// Seeded in the lower half of the range so a burst has room to count up.
function seedCounter(bytes: Uint8Array): number {
  return ((bytes[6]! << 8) | bytes[7]!) & 0x7ff;
}

function format(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
