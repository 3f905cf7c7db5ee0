/** Who sends a request, as the verified access token says. */
export interface Caller {
  userId: string;
  role: Role;
}

export const roles = ['user', 'admin'] as const;
export type Role = (typeof roles)[number];
