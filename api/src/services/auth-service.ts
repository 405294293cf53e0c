import { create } from '@bufbuild/protobuf';
import { Code, ConnectError, type HandlerContext, type ServiceImpl } from '@connectrpc/connect';
import { type AuthService, type User, UserSchema } from '@gosight/proto/v1/auth_service_pb';
import { type Pool, transaction } from '../accounts/db.ts';
import { projectsOf } from '../accounts/projects.ts';
import { endSession, findUser, findUserByEmail, startSession, type UserRow } from '../accounts/users.ts';
import type { Access } from '../auth/access.ts';
import { clientIpKey } from '../auth/client-ip.ts';
import type { LoginThrottle } from '../auth/login-throttle.ts';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../auth/password.ts';
import { principalKey } from '../auth/principal.ts';
import { bootstrap } from './bootstrap.ts';
import { projectMessage, writeKeyMessage } from './messages.ts';

export interface AuthServiceOptions {
  pool: Pool;
  access: Access;
  sessionTtlMs: number;
  // Failed-login limits per email and client IP; absent, logins are not throttled.
  throttle?: LoginThrottle;
}

export function userMessage(row: UserRow): User {
  return create(UserSchema, { userId: row.id, email: row.email, name: row.name });
}

export function createAuthService({
  pool,
  access,
  sessionTtlMs,
  throttle,
}: AuthServiceOptions): ServiceImpl<typeof AuthService> {
  return {
    async bootstrap(request) {
      const result = await transaction(pool, (client) => bootstrap(client, request));
      const session = await startSession(pool, result.user.id, sessionTtlMs);
      return {
        user: userMessage(result.user),
        project: projectMessage(result.project),
        writeKey: writeKeyMessage(result.writeKey),
        sessionToken: session.token,
        expiresAtMs: BigInt(session.expiresAt.getTime()),
      };
    },

    async login(request, context) {
      const ip = context.values.get(clientIpKey);
      await throttle?.attempt(request.email, ip);
      const user = await findUserByEmail(pool, request.email);
      // Always verify, so that an unknown email takes as long as a wrong password.
      const valid = await verifyPassword(request.password, user?.password_hash ?? DUMMY_PASSWORD_HASH);
      if (!user || !valid) throw new ConnectError('wrong email or password', Code.Unauthenticated);
      await throttle?.succeeded(request.email, ip);
      const session = await startSession(pool, user.id, sessionTtlMs);
      return {
        sessionToken: session.token,
        expiresAtMs: BigInt(session.expiresAt.getTime()),
        user: userMessage(user),
      };
    },

    async logout(_request, context: HandlerContext) {
      access.user(context);
      const principal = context.values.get(principalKey);
      if (principal?.kind === 'user') await endSession(pool, principal.tokenHash);
      return {};
    },

    async getMe(_request, context) {
      const userId = access.user(context);
      const [user, projects] = await Promise.all([findUser(pool, userId), projectsOf(pool, userId)]);
      if (!user) throw new ConnectError('your account no longer exists', Code.Unauthenticated);
      return { user: userMessage(user), projects: projects.map(projectMessage) };
    },
  };
}
