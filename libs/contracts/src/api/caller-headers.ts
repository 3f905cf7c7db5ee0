import { z } from 'zod';

/** The roles an access token can carry: a fan, or the admin who edits the catalogue. */
export const CallerRole = z.enum(['user', 'admin']);
export type CallerRole = z.infer<typeof CallerRole>;
