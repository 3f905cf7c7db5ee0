import type { SqlStatements } from '@headliner/platform/database';

/** Remembers a release that arrived before its hold (see releaseArrivedFirst). */
export async function rememberRelease(
  tx: SqlStatements,
  seatId: string,
  release: { reservationId: string; at: Date },
): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO released_reservations (reservation_id, seat_id, released_at)
    VALUES (${release.reservationId}::uuid, ${seatId}::uuid, ${release.at})
    ON CONFLICT (reservation_id) DO NOTHING`;
}

/** Whether this reservation's release arrived before its hold. */
export async function wasReleased(tx: SqlStatements, reservationId: string): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ released: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM released_reservations WHERE reservation_id = ${reservationId}::uuid
    ) AS released`;
  return row?.released === true;
}
