import type { OutboxRelay, TransactionalSqlClient } from '@headliner/platform';
import type { Prisma, PrismaClient } from '../generated/prisma/client';

/**
 * The database as the inbox consumer sees it, waking the outbox relay after every commit, so a
 * payment outcome leaves at once rather than at the relay's next idle tick: the reservation
 * service is waiting for it.
 */
export function relayWakingDatabase(
  prisma: PrismaClient,
  relay: OutboxRelay,
): TransactionalSqlClient<Prisma.TransactionClient> {
  return {
    $executeRawUnsafe: (query, ...values) => prisma.$executeRawUnsafe(query, ...values),
    $queryRawUnsafe: (query, ...values) => prisma.$queryRawUnsafe(query, ...values),
    $transaction: async (apply, options) => {
      const result = await prisma.$transaction(apply, options);
      relay.wake();
      return result;
    },
  };
}
