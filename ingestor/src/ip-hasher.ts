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
export function createIpHasher(secret: string, truncate: boolean): IpHasher {
  let day = '';
  let salt = Buffer.alloc(0);
  return {
    hash(address, nowMs, truncateThis = false) {
      if (address === '') return '';
      const today = new Date(nowMs).toISOString().slice(0, 10);
      if (today !== day) {
        day = today;
        salt = createHmac('sha256', secret).update(today).digest();
      }
      const input = truncate || truncateThis ? truncateIp(address) : address;
      return createHash('sha256').update(salt).update(input).digest('hex');
    },
  };
}
