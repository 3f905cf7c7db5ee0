import type { Logger } from '@headliner/platform';
import type { HoldExpiryQueue } from '../infra/hold-expiry-queue';
import type { HoldRules } from '../use-cases/place-hold';
import type { Database } from '../infra/database';
import type { SeatCatalogue } from '../infra/seat-catalogue';
import type { SeatClaims } from '../infra/seat-claims';
import type { PaymentOutcomeWatch } from '../infra/payment-outcome-watch';
import type { ScheduleStarts } from '../use-cases/reservation-view';

export interface RouteDeps {
  db: Database;
  logger: Logger;
  seats: SeatCatalogue;
  claims: SeatClaims;
  holdExpiry: Pick<HoldExpiryQueue, 'schedule'>;
  holdRules: HoldRules;
  outcomes: Pick<PaymentOutcomeWatch, 'outcomeOf'>;
  /** How long POST /payments waits for the wallet's answer before answering 202. */
  paymentWaitMs: number;
  /** CANCELLATION_CUTOFF_HOURS: a booking cancels until this long before its show. */
  cancellationCutoffHours: number;
}

export function scheduleStartsOf(deps: RouteDeps): ScheduleStarts {
  return {
    startsAt: (scheduleId) => deps.seats.startsAt(scheduleId),
    cutoffHours: deps.cancellationCutoffHours,
  };
}
