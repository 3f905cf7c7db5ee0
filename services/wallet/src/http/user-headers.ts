import { EntityId } from '@headliner/contracts';
import { z } from 'zod';

/**
 * The caller, as the gateway vouches for it after checking the JWT. Missing or malformed means a
 * gateway bug, answered 400. Not strict: a request carries many other headers.
 */
export const UserHeaders = z.object({ 'x-user-id': EntityId });
