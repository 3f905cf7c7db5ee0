import {
  apiRoutes,
  expressPath,
  IDEMPOTENCY_KEY_HEADER,
  IdempotencyHeaders,
  PaymentRequest,
  type PaymentFailureReason,
  type PaymentPending,
  type PaymentResult,
} from '@headliner/contracts';
import { ProblemError, signedInUser, validate } from '@headliner/platform';
import { Router } from 'express';
import { BookingRefused } from '../domain/booking-refused';
import type { PaymentOutcome } from '../domain/payment-outcome';
import { paymentOutcomes } from '../metrics';
import { requestPayment, type RequestedPayment } from '../use-cases/request-payment';
import { outcomeLabel } from './outcome-label';
import type { RouteDeps } from './route-deps';

export function paymentRoutes(deps: RouteDeps): Router {
  const router = Router();

  const pay = validate({ headers: IdempotencyHeaders, body: PaymentRequest });
  router.post(expressPath(apiRoutes.pay), pay, async (_req, res) => {
    const userId = signedInUser(res).sub;
    const { headers, body } = pay.input(res);
    let payment: RequestedPayment;
    try {
      payment = await requestPayment(deps.db, {
        userId,
        reservationId: body.reservationId,
        idempotencyKey: headers[IDEMPOTENCY_KEY_HEADER],
      });
    } catch (error) {
      paymentOutcomes.inc({ outcome: outcomeLabel(error) });
      throw error;
    }

    const outcome = await deps.outcomes.outcomeOf(payment.paymentId, deps.paymentWaitMs);
    paymentOutcomes.inc({ outcome: outcomeLabelOf(outcome) });
    switch (outcome.status) {
      case 'COMPLETED': {
        const { paymentId, reservationId, amount } = payment;
        const paid: PaymentResult = {
          paymentId,
          reservationId,
          status: 'COMPLETED',
          amount,
          balance: outcome.balance,
        };
        res.json(paid);
        return;
      }
      case 'PENDING': {
        const pending: PaymentPending = { reservationId: payment.reservationId, status: 'PENDING' };
        res.status(202).json(pending);
        return;
      }
      case 'FAILED':
        throw refusedByWallet(outcome.reason, payment);
      case 'TIMED_OUT':
        throw new BookingRefused(
          'payment-timed-out',
          `The wallet did not answer the payment for reservation ${payment.reservationId} in time, ` +
            'so the hold was released and any debit is refunded. Hold the seat again.',
        );
    }
  });

  return router;
}

function outcomeLabelOf(outcome: PaymentOutcome): string {
  return outcome.status === 'FAILED' ? outcome.reason.toLowerCase() : outcome.status.toLowerCase();
}

function refusedByWallet(
  reason: PaymentFailureReason,
  { paymentId, reservationId, amount }: RequestedPayment,
): ProblemError {
  const extensions = { paymentId, reservationId, amount };
  if (reason === 'WALLET_NOT_FOUND') {
    return ProblemError.paymentRequired(
      `You have no wallet to pay ${amount} won from; charge one and hold the seat again.`,
      { title: 'Wallet not found', type: 'wallet-not-found', extensions },
    );
  }
  return ProblemError.paymentRequired(
    `Your wallet balance is below the ${amount} won due; charge it and hold the seat again.`,
    { title: 'Insufficient balance', type: 'insufficient-balance', extensions },
  );
}
