import { ProblemError } from '@headliner/platform';
import type { ErrorRequestHandler } from 'express';
import { BookingRefused, type RefusalReason } from '../domain/booking-refused';

// The reason is the problem type slug: part of the public API, never rename one.
const answers: Record<RefusalReason, { status: number; title: string }> = {
  'seat-not-found': { status: 404, title: 'Seat not found' },
  'seat-not-available': { status: 409, title: 'Seat not available' },
  'hold-limit-reached': { status: 409, title: 'Hold limit reached' },
  'reservation-not-found': { status: 404, title: 'Reservation not found' },
  'reservation-not-yours': { status: 409, title: 'Reservation not yours' },
  'hold-expired': { status: 409, title: 'Hold expired' },
  'reservation-already-paid': { status: 409, title: 'Reservation already paid' },
  'payment-in-progress': { status: 409, title: 'Payment in progress' },
  'payment-timed-out': { status: 409, title: 'Payment timed out' },
  'idempotency-key-reused': { status: 422, title: 'Idempotency key reused' },
  'sale-on-hold': { status: 409, title: 'Sale on hold' },
  'schedule-not-found': { status: 404, title: 'Schedule not found' },
  'seats-available': { status: 409, title: 'Seats available' },
  'booking-not-confirmed': { status: 409, title: 'Booking not confirmed' },
  'cancellation-cutoff': { status: 409, title: 'Cancellation cutoff passed' },
};

export function refusalProblem(refusal: BookingRefused): ProblemError {
  const { status, title } = answers[refusal.reason];
  return new ProblemError({ status, title, type: refusal.reason, detail: refusal.message });
}

/** Turns refusals into problem answers before they reach the platform's error handler. */
export const answerRefusals: ErrorRequestHandler = (error, _req, _res, next) => {
  next(error instanceof BookingRefused ? refusalProblem(error) : error);
};
