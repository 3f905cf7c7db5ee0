import { z } from 'zod';
import { EntityId } from '../entity-id';
import { apiComponents } from './components';

const BCRYPT_MAX_BYTES = 72;

export const Username = z
  .string()
  .min(3)
  .max(32)
  .regex(/^[a-zA-Z0-9_.-]+$/)
  .describe('3-32 characters of a-z, A-Z, 0-9, _ . -');

// bcrypt silently ignores everything past 72 bytes, and a multi-byte character counts for more
// than one, so the byte length is checked as well as the character count.
export const Password = z
  .string()
  .min(8)
  .max(BCRYPT_MAX_BYTES, { abort: true })
  .refine((password) => Buffer.byteLength(password, 'utf8') <= BCRYPT_MAX_BYTES, {
    message: `Must be at most ${BCRYPT_MAX_BYTES} bytes in UTF-8`,
  })
  .describe('8-72 characters, at most 72 bytes in UTF-8 (the bcrypt limit)');

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
export const LoginRequest = z
  .object({
    username: z.string().min(1).max(32),
    password: z.string().min(1).max(BCRYPT_MAX_BYTES),
  })
  .strict()
  .register(apiComponents, { id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LoginResponse = z
  .object({
    accessToken: z.string().describe('Send as "Authorization: Bearer <accessToken>"'),
    userId: EntityId,
  })
  .register(apiComponents, { id: 'LoginResponse' });
export type LoginResponse = z.infer<typeof LoginResponse>;
