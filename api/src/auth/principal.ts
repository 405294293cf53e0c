import { createContextKey } from '@connectrpc/connect';
import type { RoleName } from './roles.ts';

// Who is calling: a signed-in user (session token) or a project's API token.
export type Principal =
  | { kind: 'user'; userId: string; tokenHash: string }
  | { kind: 'api-token'; tokenId: string; projectId: string; role: RoleName };

export const principalKey = createContextKey<Principal | undefined>(undefined, {
  description: 'the authenticated caller',
});
