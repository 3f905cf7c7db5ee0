import { randomUUID } from 'node:crypto';
import { createLogger } from '@headliner/platform';
import { isUniqueViolation } from '@headliner/platform/database';
import type { Redis } from 'ioredis';
import { BookingRefused } from '../src/domain/booking-refused';
import { placeHold } from '../src/use-cases/place-hold';
import type { Database, Transaction } from '../src/infra/database';
import { createSeatClaims } from '../src/infra/seat-claims';

export type HoldAttempt = (userId: string, seatId: string) => Promise<'held' | 'taken'>;

export interface BenchDeps {
  db: Database;
  redis: Redis;
  redisPrefix: string;
}

const scheduleId = randomUUID();
const price = 50_000;
const ttlSeconds = 300;

/** The ways to keep one live hold per seat that the bench compares, each in one transaction. */
export function holdStrategies({ db, redis, redisPrefix }: BenchDeps): Record<string, HoldAttempt> {
  const logger = createLogger({ service: 'bench', level: 'silent' });
  const claims = createSeatClaims(redis, `${redisPrefix}service:`, logger);
  const onConflict: HoldAttempt = (userId, seatId) =>
    db.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO reservations (id, user_id, schedule_id, seat_id, price, status, expires_at, updated_at)
        VALUES (${randomUUID()}::uuid, ${userId}::uuid, ${scheduleId}::uuid, ${seatId}::uuid, ${price},
          'HELD', now() + make_interval(secs => ${ttlSeconds}), now())
        ON CONFLICT (seat_id) WHERE status IN ('HELD', 'CONFIRMED') DO NOTHING RETURNING id`;
      if (!row) return 'taken';
      await outboxRow(tx, row.id);
      return 'held';
    });

  return {
    'insert, 409 on unique violation': async (userId, seatId) => {
      try {
        return await db.$transaction(async (tx) => {
          const id = randomUUID();
          await insertHold(tx, id, userId, seatId);
          await outboxRow(tx, id);
          return 'held' as const;
        });
      } catch (error) {
        if (isUniqueViolation(error)) return 'taken';
        throw error;
      }
    },
    'insert on conflict do nothing': onConflict,
    'redis SET NX, then on conflict': async (userId, seatId) => {
      const claimed = await redis.set(
        `${redisPrefix}${seatId}`,
        userId,
        'PX',
        ttlSeconds * 1000,
        'NX',
      );
      return claimed ? onConflict(userId, seatId) : 'taken';
    },
    'advisory lock per seat, check, insert': (userId, seatId) =>
      db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${seatId}, 0))`;
        const [live] = await tx.$queryRaw<{ id: string }[]>`
          SELECT id FROM reservations WHERE seat_id = ${seatId}::uuid AND status IN ('HELD', 'CONFIRMED')`;
        if (live) return 'taken';
        const id = randomUUID();
        await insertHold(tx, id, userId, seatId);
        await outboxRow(tx, id);
        return 'held';
      }),
    'service placeHold (claim, on conflict, lapsed-hold check, hold limit)': async (
      userId,
      seatId,
    ) => {
      const rules = { holdTtlSeconds: ttlSeconds, maxHoldsPerUser: 4 };
      const seat = { seatId, scheduleId, number: 1, price };
      try {
        await placeHold(db, claims, rules, userId, seat);
        return 'held';
      } catch (error) {
        if (error instanceof BookingRefused) return 'taken';
        throw error;
      }
    },
  };
}

async function insertHold(tx: Transaction, id: string, userId: string, seatId: string) {
  await tx.$executeRaw`
    INSERT INTO reservations (id, user_id, schedule_id, seat_id, price, status, expires_at, updated_at)
    VALUES (${id}::uuid, ${userId}::uuid, ${scheduleId}::uuid, ${seatId}::uuid, ${price}, 'HELD',
      now() + make_interval(secs => ${ttlSeconds}), now())`;
}

// Every strategy writes the same reservation.held outbox row, so the comparison is like for like.
async function outboxRow(tx: Transaction, reservationId: string) {
  await tx.$executeRaw`
    INSERT INTO outbox_events (event_id, topic, key, value, headers)
    VALUES (${randomUUID()}::uuid, 'bench', ${reservationId}, '{}', '{}'::jsonb)`;
}
