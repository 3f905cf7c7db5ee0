const hourMs = 3_600_000;

/** The last instant a confirmed booking can be cancelled: `cutoffHours` before its show starts. */
export function cancellableUntil(startsAt: Date, cutoffHours: number): Date {
  return new Date(startsAt.getTime() - cutoffHours * hourMs);
}

/** Whether a booking can still be cancelled at `now`: up to and including its cutoff. */
export function beforeCutoff(startsAt: Date, cutoffHours: number, now: Date): boolean {
  return now.getTime() <= cancellableUntil(startsAt, cutoffHours).getTime();
}
