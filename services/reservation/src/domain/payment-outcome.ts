import { PaymentFailureReason } from '@headliner/contracts';

export type PaymentOutcome =
  | { status: 'COMPLETED'; balance: number }
  | { status: 'FAILED'; reason: PaymentFailureReason }
  | { status: 'PENDING' };

export interface PaymentState {
  status: 'REQUESTED' | 'COMPLETED' | 'FAILED';
  balanceAfter: number | null;
  failureReason: string | null;
}

/** Where a payment stands for its payer: still with the wallet, paid, or refused. */
export function paymentOutcomeOf(payment: PaymentState): PaymentOutcome {
  switch (payment.status) {
    case 'REQUESTED':
      return { status: 'PENDING' };
    case 'COMPLETED':
      return { status: 'COMPLETED', balance: payment.balanceAfter ?? 0 };
    case 'FAILED':
      return { status: 'FAILED', reason: PaymentFailureReason.parse(payment.failureReason) };
  }
}
