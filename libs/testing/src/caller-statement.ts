import { randomUUID } from 'node:crypto';
import {
  CALLER_STATEMENT_HEADER,
  signCallerStatement,
  type CallerRole,
  type ServiceName,
} from '@headliner/contracts';

/** INTERNAL_AUTH_SECRET of services under test; a statement signed with another is forged. */
export const testInternalAuthSecret = 'test-internal-auth-secret-of-32-characters-or-more';

export interface TestCaller {
  userId?: string;
  role?: CallerRole;
  /** The schedule of the queue token the gateway verified ACTIVE, as it states on holds. */
  admittedTo?: string;
  /** Signs with this secret instead, to forge a statement. */
  secret?: string;
}

/**
 * The header the gateway would send a service for a signed-in fan (a new random one by default),
 * for tests that call the service directly: `.set(asUser('wallet', { userId }))`.
 */
export function asUser(
  audience: ServiceName,
  {
    userId = randomUUID(),
    role = 'user',
    admittedTo,
    secret = testInternalAuthSecret,
  }: TestCaller = {},
): Record<string, string> {
  const claims = { sub: userId, role, aud: audience, ...(admittedTo && { admittedTo }) };
  return { [CALLER_STATEMENT_HEADER]: signCallerStatement(claims, secret) };
}

/** The header a service sends when it calls `audience` on its own account. */
export function asService(
  service: ServiceName,
  audience: ServiceName,
  secret = testInternalAuthSecret,
): Record<string, string> {
  const claims = { sub: service, role: 'service' as const, aud: audience };
  return { [CALLER_STATEMENT_HEADER]: signCallerStatement(claims, secret) };
}
