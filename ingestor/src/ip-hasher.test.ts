import { describe, expect, it } from 'vitest';
import { createIpHasher } from './ip-hasher.ts';

const day1 = Date.UTC(2026, 10, 22, 8);
const day1Late = Date.UTC(2026, 10, 22, 23, 59);
const day2 = Date.UTC(2026, 10, 23, 0, 1);

describe('createIpHasher', () => {
  const hasher = createIpHasher('secret-of-sixteen+', false);

  it('is stable within a UTC day and differs the next day', () => {
    const first = hasher.hash('203.0.113.9', day1);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(hasher.hash('203.0.113.9', day1Late)).toBe(first);
    expect(hasher.hash('203.0.113.9', day2)).not.toBe(first);
  });

  it('depends on the secret and never contains the address', () => {
    const other = createIpHasher('another-secret-16', false);
    expect(other.hash('203.0.113.9', day1)).not.toBe(hasher.hash('203.0.113.9', day1));
    expect(hasher.hash('203.0.113.9', day1)).not.toContain('203');
  });

  it('gives one network one hash when truncating', () => {
    const truncating = createIpHasher('secret-of-sixteen+', true);
    expect(truncating.hash('203.0.113.9', day1)).toBe(truncating.hash('203.0.113.200', day1));
    expect(hasher.hash('203.0.113.9', day1)).not.toBe(hasher.hash('203.0.113.200', day1));
  });

  it('hashes a missing address to empty', () => expect(hasher.hash('', day1)).toBe(''));
});

describe('createIpHasher across days', () => {
  it('gives the hash of a fresh hasher after going back and forth between days', () => {
    const hasher = createIpHasher('secret-of-sixteen+', false);
    const day1Hash = hasher.hash('198.51.100.4', day1);
    hasher.hash('198.51.100.4', day2);
    expect(hasher.hash('198.51.100.4', day1Late)).toBe(day1Hash);
    expect(hasher.hash('198.51.100.4', day2)).toBe(
      createIpHasher('secret-of-sixteen+', false).hash('198.51.100.4', day2),
    );
    expect(hasher.hash('198.51.100.4', Date.UTC(2026, 10, 23))).toBe(hasher.hash('198.51.100.4', day2));
  });
});
