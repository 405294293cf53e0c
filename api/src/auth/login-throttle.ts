import { createHash } from 'node:crypto';
import { Code, ConnectError } from '@connectrpc/connect';
import type { Redis } from 'ioredis';

export interface LoginLimits {
  // Failed logins allowed per email, then per client IP, within windowSeconds.
  maxPerEmail: number;
  maxPerIp: number;
  // Fixed window, from the first attempt of an email or IP.
  windowSeconds: number;
}

export interface LoginThrottle {
  // Counts an attempt before the password is checked, and throws
  // ResourceExhausted (with retry-after) when the email or the IP is over its
  // limit: after the limit even the right password is refused until the
  // window passes. Counting first keeps concurrent guesses within the limit.
  attempt(email: string, ip: string | undefined): Promise<void>;
  // Takes back the attempt of a successful login, so that only failures count.
  succeeded(email: string, ip: string | undefined): Promise<void>;
}

// DECR only a counter that still exists: a DECR after the window expired
// would create a counter without expiry.
const DECREMENT_IF_PRESENT = `for _, key in ipairs(KEYS) do
  if redis.call('exists', key) == 1 then redis.call('decr', key) end
end
return 0`;

// Emails are hashed so that Redis holds no address in plain text.
function keysIn(namespace: string) {
  return (email: string, ip: string | undefined): { email: string; ip?: string } => {
    const digest = createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
    return {
      email: `${namespace}:login:email:${digest}`,
      ...(ip ? { ip: `${namespace}:login:ip:${ip}` } : {}),
    };
  };
}

function refused(what: string, seconds: number): ConnectError {
  const wait = Math.max(1, seconds);
  return new ConnectError(
    `too many failed sign-in attempts for this ${what}; retry after ${wait} s`,
    Code.ResourceExhausted,
    { 'retry-after': String(wait) },
  );
}

// Counters in Redis, shared by every API replica, under `<namespace>:login:`
// (the deployment's topic prefix, so that test stacks sharing one Redis do not
// share counters). While Redis is unreachable logins are not throttled (they
// still need the right password) and the failure is reported through onError.
export function createLoginThrottle(
  redis: Redis,
  limits: LoginLimits,
  namespace: string,
  onError: (error: unknown) => void = () => {},
): LoginThrottle {
  const keys = keysIn(namespace);
  return {
    async attempt(email, ip) {
      const key = keys(email, ip);
      const names = [key.email, ...(key.ip ? [key.ip] : [])];
      // SET NX EX starts the window at the first attempt; INCR counts within it.
      const replies = await redis
        .multi(
          names.flatMap((name) => [
            ['set', name, '0', 'EX', String(limits.windowSeconds), 'NX'],
            ['incr', name],
            ['ttl', name],
          ]),
        )
        .exec()
        .catch((error: unknown) => {
          onError(error);
          return null;
        });
      if (!replies) return;
      const [, emailCount, emailTtl, , ipCount, ipTtl] = replies.map(([, value]) => Number(value ?? 0));
      if ((emailCount ?? 0) > limits.maxPerEmail) throw refused('email', emailTtl ?? limits.windowSeconds);
      if (key.ip && (ipCount ?? 0) > limits.maxPerIp) throw refused('address', ipTtl ?? limits.windowSeconds);
    },
    async succeeded(email, ip) {
      const key = keys(email, ip);
      const names = [key.email, ...(key.ip ? [key.ip] : [])];
      await redis.eval(DECREMENT_IF_PRESENT, names.length, ...names).catch(onError);
    },
  };
}
