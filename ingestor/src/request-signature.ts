import { createHmac, timingSafeEqual } from 'node:crypto';

// Server-side senders may sign each request body with their project's signing
// secret (docs/ingest-signing.md):
//   x-gosight-signature: t=<unix ms>,v1=<hex HMAC-SHA256(secret, t + "." + body)>
// where body is the HTTP request body exactly as sent (compressed if it was).
export const SIGNATURE_HEADER = 'x-gosight-signature';
// A signature older or newer than this is refused, which bounds replays.
export const SIGNATURE_TOLERANCE_MS = 5 * 60 * 1000;

export type SignatureProblem =
  | { kind: 'malformed' }
  | { kind: 'stale'; skewMs: number }
  | { kind: 'mismatch' };

export function signBody(secret: string, timestampMs: number, body: Uint8Array[]): string {
  const hmac = createHmac('sha256', secret).update(`${timestampMs}.`);
  for (const chunk of body) hmac.update(chunk);
  return hmac.digest('hex');
}

export function signatureHeaderValue(secret: string, timestampMs: number, body: Uint8Array): string {
  return `t=${timestampMs},v1=${signBody(secret, timestampMs, [body])}`;
}

function parse(header: string): { timestampMs: number; signatures: Buffer[] } | undefined {
  let timestampMs: number | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const [key, value, extra] = part.trim().split('=');
    if (value === undefined || extra !== undefined) return undefined;
    if (key === 't' && /^\d{1,15}$/.test(value)) timestampMs = Number(value);
    // Several v1 values are allowed, e.g. while a sender rotates its secret.
    else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(Buffer.from(value, 'hex'));
    else if (key === 't' || key === 'v1') return undefined;
  }
  if (timestampMs === undefined || signatures.length === 0) return undefined;
  return { timestampMs, signatures };
}

// Checks a signature header against the body; undefined when it is valid.
export function verifySignature(
  header: string,
  secret: string,
  body: Uint8Array[],
  nowMs: number,
): SignatureProblem | undefined {
  const parsed = parse(header);
  if (!parsed) return { kind: 'malformed' };
  const skewMs = nowMs - parsed.timestampMs;
  if (Math.abs(skewMs) > SIGNATURE_TOLERANCE_MS) return { kind: 'stale', skewMs };
  const expected = Buffer.from(signBody(secret, parsed.timestampMs, body), 'hex');
  // Every candidate is compared, so the time taken does not reveal which matched.
  let valid = false;
  for (const candidate of parsed.signatures) valid = timingSafeEqual(candidate, expected) || valid;
  return valid ? undefined : { kind: 'mismatch' };
}
