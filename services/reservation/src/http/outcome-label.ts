import { ProblemError, problemTypeBase } from '@headliner/platform';
import { BookingRefused } from '../domain/booking-refused';

/** The metrics label for a request that threw: the refusal reason or problem type, or `error`. */
export function outcomeLabel(error: unknown): string {
  if (error instanceof BookingRefused) return error.reason;
  if (error instanceof ProblemError) return error.type.slice(problemTypeBase.length);
  return 'error';
}
