import { describe, expect, it } from 'vitest';
import {
  SIGNATURE_TOLERANCE_MS,
  signatureHeaderValue,
  signBody,
  verifySignature,
} from './request-signature.ts';

const secret = 'a-signing-secret-of-at-least-32-chars';
const body = new TextEncoder().encode('{"projectKey":"k"}');
const now = 1_790_000_000_000;
const good = signatureHeaderValue(secret, now, body);
const hex = signBody(secret, now, [body]);

describe('verifySignature', () => {
  it.each([
    ['a valid signature', good, undefined],
    ['a valid signature among several (rotation)', `t=${now},v1=${'0'.repeat(64)},v1=${hex}`, undefined],
    ['upper-case hex', `t=${now},v1=${hex.toUpperCase()}`, undefined],
    ['spaces after commas', `t=${now}, v1=${hex}`, undefined],
    ['an unknown extra key (future versions)', `t=${now},v1=${hex},v2=abc`, undefined],
    ['4 minutes in the past', signatureHeaderValue(secret, now - 240_000, body), undefined],
    [
      'another secret',
      signatureHeaderValue('another-secret-of-at-least-32-chars!!', now, body),
      { kind: 'mismatch' },
    ],
    ['another body', signatureHeaderValue(secret, now, new TextEncoder().encode('{}')), { kind: 'mismatch' }],
    ['a signature of another timestamp', `t=${now - 1},v1=${hex}`, { kind: 'mismatch' }],
    ['6 minutes old', signatureHeaderValue(secret, now - 360_000, body), { kind: 'stale', skewMs: 360_000 }],
    [
      '6 minutes ahead',
      signatureHeaderValue(secret, now + 360_000, body),
      { kind: 'stale', skewMs: -360_000 },
    ],
    ['no timestamp', `v1=${hex}`, { kind: 'malformed' }],
    ['no signature', `t=${now}`, { kind: 'malformed' }],
    ['a short signature', `t=${now},v1=${hex.slice(2)}`, { kind: 'malformed' }],
    ['a timestamp in seconds with a fraction', `t=${now / 1000}.5,v1=${hex}`, { kind: 'malformed' }],
    ['an empty header', '', { kind: 'malformed' }],
    ['a bare value', hex, { kind: 'malformed' }],
  ])('%s', (_, header, expected) => {
    expect(verifySignature(header, secret, [body], now)).toEqual(expected);
  });

  it('signs the body as chunks the same as whole', () => {
    expect(signBody(secret, now, [body.subarray(0, 5), body.subarray(5)])).toBe(hex);
  });

  it('accepts exactly the tolerance', () => {
    const header = signatureHeaderValue(secret, now - SIGNATURE_TOLERANCE_MS, body);
    expect(verifySignature(header, secret, [body], now)).toBeUndefined();
  });
});
