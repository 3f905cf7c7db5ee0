import { z } from 'zod';
import { EntityId } from '../entity-id';

// Set by the gateway from the verified access token, after dropping any a client sent, so a
// service trusts them. Every service reads them: never rename one. Lower case, as Node delivers.
export const USER_ID_HEADER = 'x-user-id';
export const USER_ROLE_HEADER = 'x-user-role';

export const CallerRole = z.enum(['user', 'admin']);
export type CallerRole = z.infer<typeof CallerRole>;

/**
 * The signed-in fan a service acts for. Missing or malformed means the request got past the
 * gateway by mistake: refused 400, naming the header. Not strict: a request carries other headers.
 */
export const UserHeaders = z.object({ [USER_ID_HEADER]: EntityId });
export type UserHeaders = z.infer<typeof UserHeaders>;

/** What the gateway adds to every request of a signed-in caller. */
export const CallerHeaders = UserHeaders.extend({ [USER_ROLE_HEADER]: CallerRole });
export type CallerHeaders = z.infer<typeof CallerHeaders>;
