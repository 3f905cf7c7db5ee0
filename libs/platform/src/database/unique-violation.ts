import { DatabaseError } from 'pg';

/** A write refused by a unique index. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof DatabaseError && error.code === '23505';
}
