import type { CallerRole } from '@headliner/contracts';

/** Who sends a request, as the verified access token says. */
export interface Caller {
  userId: string;
  role: CallerRole;
}
