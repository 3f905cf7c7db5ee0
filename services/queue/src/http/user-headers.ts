import { EntityId, QueueTokenHeaders } from '@headliner/contracts';
import { z } from 'zod';

// Set by the gateway from the verified JWT. Missing or malformed means a gateway bug: 400.
export const UserHeaders = z.object({ 'x-user-id': EntityId });

export const UserQueueTokenHeaders = UserHeaders.extend(QueueTokenHeaders.shape);
