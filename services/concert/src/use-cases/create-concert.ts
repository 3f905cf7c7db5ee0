import { randomUUID } from 'node:crypto';
import type { CreateConcertRequest } from '@headliner/contracts';
import type { PrismaClient } from '../infra/prisma';

export async function createConcert(
  prisma: PrismaClient,
  concert: CreateConcertRequest,
): Promise<string> {
  const concertId = randomUUID();
  await prisma.concert.create({ data: { id: concertId, ...concert } });
  return concertId;
}
