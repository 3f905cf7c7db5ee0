import { randomUUID } from 'node:crypto';
import type { CreateConcertRequest } from '@headliner/contracts';
import type { SqlDatabase } from '@headliner/platform/database';

export async function createConcert(
  db: SqlDatabase,
  { title, artist, venue, description }: CreateConcertRequest,
): Promise<string> {
  const concertId = randomUUID();
  await db.$executeRaw`
    INSERT INTO concerts (id, title, artist, venue, description)
    VALUES (${concertId}::uuid, ${title}, ${artist}, ${venue}, ${description ?? null})`;
  return concertId;
}
