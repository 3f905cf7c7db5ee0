import { PaymentCancellationReason, PaymentFailureReason } from '@headliner/contracts';

export type PaymentOutcome =
  | { status: 'COMPLETED'; balance: number }
  | { status: 'FAILED'; reason: PaymentFailureReason }
  | { status: 'TIMED_OUT' }
  | { status: 'PENDING' };

export interface PaymentState {
  status: 'REQUESTED' | 'COMPLETED' | 'FAILED';
  balanceAfter: number | null;
  failureReason: string | null;
}

/**
 * Where a payment stands for its payer: still with the wallet, paid, refused by the wallet, or
 * given up on because the wallet did not answer in time (failure reason TIMED_OUT).
 */
export function paymentOutcomeOf(payment: PaymentState): PaymentOutcome {
  switch (payment.status) {
    case 'REQUESTED':
      return { status: 'PENDING' };
    case 'COMPLETED':
      return { status: 'COMPLETED', balance: payment.balanceAfter ?? 0 };
    case 'FAILED':
      if (payment.failureReason === PaymentCancellationReason.enum.TIMED_OUT) {
        return { status: 'TIMED_OUT' };
      }
      return { status: 'FAILED', reason: PaymentFailureReason.parse(payment.failureReason) };
  }
}
