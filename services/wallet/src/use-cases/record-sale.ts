import type { ReservationConfirmedPayload } from '@headliner/contracts';
import type { Logger } from '@headliner/platform';
import type { SqlTransaction } from '@headliner/platform/database';
import { rememberSale } from '../infra/confirmed-sales';
import { lockWallet } from '../infra/wallet-lock';
import { sales } from '../metrics';

/**
 * Records a sale the reservation service confirmed (reservation.confirmed), in the caller's (the
 * inbox's) transaction, so a later payment.cancelled for it is refused rather than refunded
 * (unless the fan cancelled the booking). The wallet row is locked first, as a cancellation locks
 * it, so whichever comes second sees the other. A sale whose booking the fan cancelled may arrive
 * after its refund (they travel on different topics): that is as it should be. Any other sale
 * whose debit was refunded already cannot be put right here: it is logged and counted for an
 * operator (the seat is sold and the money given back).
 */
export async function recordSale(
  tx: SqlTransaction,
  sale: ReservationConfirmedPayload,
  logger: Logger,
): Promise<void> {
  await lockWallet(tx, sale.userId);
  const { refundedBefore, cancelledByFan } = await rememberSale(tx, sale);
  if (cancelledByFan) {
    sales.inc({ outcome: 'cancelled_by_fan' });
    return;
  }
  sales.inc({ outcome: refundedBefore ? 'refunded_before' : 'recorded' });
  if (refundedBefore) {
    logger.error(
      { reservationId: sale.reservationId, paymentId: sale.paymentId, userId: sale.userId },
      'sale confirmed for a reservation whose debit was refunded: seat sold, money given back',
    );
  }
}
