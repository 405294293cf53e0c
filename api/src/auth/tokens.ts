import { createHash, randomBytes } from 'node:crypto';

// Session tokens ("gss_") and API tokens ("gst_") are 256 random bits; only
// their SHA-256 is stored. Write keys ("gs_") are public and stored as is.
export type TokenKind = 'session' | 'api' | 'write';

const PREFIX: Record<TokenKind, string> = { session: 'gss_', api: 'gst_', write: 'gs_' };

export function newToken(kind: TokenKind): string {
  return PREFIX[kind] + randomBytes(kind === 'write' ? 18 : 32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function isApiToken(token: string): boolean {
  return token.startsWith(PREFIX.api);
}

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(9).toString('base64url')}`;
}
