import { createHash, createHmac } from 'node:crypto';
import { truncateIp } from './client-ip.ts';

export interface IpHasher {
  // Salted SHA-256 (hex) of an address; the salt changes each UTC day. The
  // address loses its host part first when the ingestor is configured so, or
  // when `truncate` says so (the project's own privacy setting).
  hash(address: string, nowMs: number, truncate?: boolean): string;
}

// The salt of a day is HMAC-SHA256(secret, "YYYY-MM-DD"): every ingestor
// instance with the same secret agrees on it, and a day's hashes cannot be
// joined with another day's.
// Hashes are memoised for the day (each request hashes its address twice, and
// a visitor sends many requests); the memo lives in this process only.
export function createIpHasher(secret: string, truncate: boolean): IpHasher {
  let dayStartMs = 0;
  let dayEndMs = 0;
  let salt = Buffer.alloc(0);
  const memo = new Map<string, string>();
  return {
    hash(address, nowMs, truncateThis = false) {
      if (address === '') return '';
      if (nowMs < dayStartMs || nowMs >= dayEndMs) {
        dayStartMs = nowMs - (((nowMs % DAY_MS) + DAY_MS) % DAY_MS);
        dayEndMs = dayStartMs + DAY_MS;
        salt = createHmac('sha256', secret).update(new Date(dayStartMs).toISOString().slice(0, 10)).digest();
        memo.clear();
      }
      const input = truncate || truncateThis ? truncateIp(address) : address;
      let hash = memo.get(input);
      if (hash === undefined) {
        hash = createHash('sha256').update(salt).update(input).digest('hex');
        if (memo.size >= MEMO_ENTRIES) memo.clear();
        memo.set(input, hash);
      }
      return hash;
    },
  };
}

const DAY_MS = 86_400_000;
const MEMO_ENTRIES = 10_000;
