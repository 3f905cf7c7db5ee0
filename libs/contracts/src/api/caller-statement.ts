import { z } from 'zod';
import { EntityId } from '../entity-id';

// The gateway (or a calling service) puts a signed statement of who is calling in this header on
// every request to a service; a service trusts nothing else about its caller. Never rename it.
export const CALLER_STATEMENT_HEADER = 'x-caller-statement';

/** The roles an access token can carry: a fan, or the admin who edits the catalogue. */
export const CallerRole = z.enum(['user', 'admin']);
export type CallerRole = z.infer<typeof CallerRole>;

/** Who may sign a statement (`sub` of a service's own calls) and whom it may be addressed to. */
export const ServiceName = z.enum(['gateway', 'queue', 'concert', 'reservation', 'wallet']);
export type ServiceName = z.infer<typeof ServiceName>;

const Validity = {
  /** The service the statement is for: another service refuses it. */
  aud: ServiceName,
  /** Issued at and expires at, in seconds since the epoch. */
  iat: z.int().nonnegative(),
  exp: z.int().positive(),
};

/**
 * A fan or the admin, as the gateway verified them from the access token. `admittedTo` is set on
 * holds when the gateway has just verified the caller's queue token ACTIVE: the schedule whose
 * waiting room admitted them, the only one they may hold seats of.
 */
export const UserStatement = z
  .object({ sub: EntityId, role: CallerRole, admittedTo: EntityId.optional(), ...Validity })
  .strict();
export type UserStatement = z.infer<typeof UserStatement>;

/** A service calling on its own account (the gateway's catalogue reads, reservation's lookups). */
export const ServiceStatement = z
  .object({ sub: ServiceName, role: z.literal('service'), ...Validity })
  .strict();
export type ServiceStatement = z.infer<typeof ServiceStatement>;

export const CallerStatement = z.discriminatedUnion('role', [UserStatement, ServiceStatement]);
export type CallerStatement = z.infer<typeof CallerStatement>;

type WithoutValidity<T> = T extends unknown ? Omit<T, 'iat' | 'exp'> : never;
/** What a signer states; the validity window is added when it is signed. */
export type CallerClaims = WithoutValidity<CallerStatement>;
