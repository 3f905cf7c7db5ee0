import { randomUUID } from 'node:crypto';
import type { CreateScheduleRequest } from '@headliner/contracts';
import type { PrismaClient } from '../infra/prisma';

/**
 * A schedule and its seats 1..seatCount, all at one price, in one transaction: a schedule is
 * never seen without its seats. undefined when the concert does not exist.
 */
export async function createSchedule(
  prisma: PrismaClient,
  concertId: string,
  { startsAt, seatCount, price }: CreateScheduleRequest,
): Promise<string | undefined> {
  return prisma.$transaction(async (tx) => {
    const concert = await tx.concert.findUnique({ where: { id: concertId }, select: { id: true } });
    if (!concert) return undefined;
    const scheduleId = randomUUID();
    await tx.schedule.create({
      data: {
        id: scheduleId,
        concertId,
        startsAt: new Date(startsAt),
        seatCount,
        availableSeats: seatCount,
      },
    });
    await tx.seat.createMany({
      data: Array.from({ length: seatCount }, (_, index) => ({
        id: randomUUID(),
        scheduleId,
        number: index + 1,
        price,
      })),
    });
    return scheduleId;
  });
}
