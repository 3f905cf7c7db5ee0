import { Prisma } from '../generated/prisma/client';

/** A write refused by a unique index (Prisma reports raw queries' violations as P2010). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === 'P2002') return true;
  const cause = (error.meta?.driverAdapterError as { cause?: { originalCode?: string } })?.cause;
  return cause?.originalCode === '23505';
}
