import type { Tx } from './after-commit';

/** Remembers a release that arrived before its hold (see releaseArrivedFirst). */
export async function rememberRelease(
  tx: Tx,
  seatId: string,
  release: { reservationId: string; at: Date },
): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO released_reservations (reservation_id, seat_id, released_at)
    VALUES (${release.reservationId}::uuid, ${seatId}::uuid, ${release.at})
    ON CONFLICT (reservation_id) DO NOTHING`;
}

/** Whether this reservation's release arrived before its hold. */
export async function wasReleased(tx: Tx, reservationId: string): Promise<boolean> {
  return (await tx.releasedReservation.count({ where: { reservationId } })) > 0;
}
