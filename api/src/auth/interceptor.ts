import { Code, ConnectError, type Interceptor } from '@connectrpc/connect';
import type { Authenticate } from './authenticate.ts';
import { principalKey } from './principal.ts';

// Reads "Authorization: Bearer <token>" and puts the caller in the context.
// A call without the header goes on anonymous; each handler decides whether
// that is enough (only Login and Bootstrap accept it). A header that does not
// resolve is refused here.
export function createAuthInterceptor(authenticate: Authenticate): Interceptor {
  return (next) => async (request) => {
    const header = request.header.get('authorization');
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
      if (!match?.[1]) {
        throw new ConnectError('the Authorization header must be "Bearer <token>"', Code.Unauthenticated);
      }
      const principal = await authenticate(match[1]);
      if (!principal) {
        throw new ConnectError(
          'the token is invalid, expired or revoked: sign in again',
          Code.Unauthenticated,
        );
      }
      request.contextValues.set(principalKey, principal);
    }
    return next(request);
  };
}
