import type { BookingFacts } from './booking-facts';
import type { Mismatch } from './mismatch';
import { moneyMismatches } from './money-mismatches';
import { seatMismatches } from './seat-mismatches';

/** Every disagreement among the facts, money first; facts younger than the grace period are skipped. */
export function findMismatches(facts: BookingFacts): Mismatch[] {
  return [...moneyMismatches(facts), ...seatMismatches(facts)];
}
