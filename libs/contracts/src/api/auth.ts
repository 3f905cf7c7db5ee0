import { z } from 'zod';
import { EntityId } from '../entity-id';
import { apiComponents } from './components';
import { text } from './text';

const PASSWORD_MAX_CHARACTERS = 72;

export const Username = z
  .string()
  .min(3)
  .max(32)
  .regex(/^[a-zA-Z0-9_.-]+$/)
  .describe('3-32 characters of a-z, A-Z, 0-9, _ . -');

export const Password = text({ min: 8, max: PASSWORD_MAX_CHARACTERS }).describe(
  '8-72 characters (an emoji counts as one), no control characters',
);

export const SignupRequest = z
  .object({ username: Username, password: Password })
  .strict()
  .register(apiComponents, { id: 'SignupRequest' });
export type SignupRequest = z.infer<typeof SignupRequest>;

export const SignupResponse = z
  .object({ userId: EntityId })
  .register(apiComponents, { id: 'SignupResponse' });
export type SignupResponse = z.infer<typeof SignupResponse>;

// Login does not re-apply the signup rules: a malformed name or password is simply wrong (401).
// Control characters are refused all the same: no account can have them, and NUL breaks SQL text.
export const LoginRequest = z
  .object({
    username: text({ min: 1, max: 32 }),
    password: text({ min: 1, max: PASSWORD_MAX_CHARACTERS }),
  })
  .strict()
  .register(apiComponents, { id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LoginResponse = z
  .object({
    accessToken: z.string().describe('Send as "Authorization: Bearer <accessToken>"'),
    userId: EntityId,
    refreshToken: z
      .string()
      .describe('Exchange at POST /api/v1/auth/refresh for new tokens; it works once'),
    expiresIn: z.int().positive().describe('Seconds until the access token expires'),
  })
  .register(apiComponents, { id: 'LoginResponse' });
export type LoginResponse = z.infer<typeof LoginResponse>;

// Refresh tokens are 32 random bytes in base64url: 43 characters.
const RefreshToken = text({ min: 1, max: 64 }).describe('The refreshToken of the last sign-in');

export const RefreshRequest = z
  .object({ refreshToken: RefreshToken })
  .strict()
  .register(apiComponents, { id: 'RefreshRequest' });
export type RefreshRequest = z.infer<typeof RefreshRequest>;

export const LogoutRequest = z
  .object({ refreshToken: RefreshToken })
  .strict()
  .register(apiComponents, { id: 'LogoutRequest' });
export type LogoutRequest = z.infer<typeof LogoutRequest>;
