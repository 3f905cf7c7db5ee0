import { EntityId, IdempotencyHeaders } from '@headliner/contracts';
import { z } from 'zod';

export const USER_ID_HEADER = 'x-user-id';

/**
 * The fan the gateway authenticated. A request without it got past the gateway by mistake, so
 * it is refused as a bad request naming the header.
 */
export const CallerHeaders = z.object({ [USER_ID_HEADER]: EntityId });

export const PayingCallerHeaders = CallerHeaders.extend(IdempotencyHeaders.shape);
