import { topics } from '@headliner/contracts';

/**
 * Where the wallet reads payment requests, cancellations and confirmed sales, and writes the
 * requests' outcomes. Tests pass random ones.
 */
export interface WalletTopics {
  paymentRequested: string;
  paymentCancelled: string;
  reservationConfirmed: string;
  paymentCompleted: string;
  paymentFailed: string;
}

export const walletTopics: WalletTopics = {
  paymentRequested: topics.paymentRequested.name,
  paymentCancelled: topics.paymentCancelled.name,
  reservationConfirmed: topics.reservationConfirmed.name,
  paymentCompleted: topics.paymentCompleted.name,
  paymentFailed: topics.paymentFailed.name,
};
