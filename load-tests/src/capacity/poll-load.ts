/**
 * Polls a second from a line of `waiting` fans who obey the queue's pacing
 * (services/queue/src/domain/poll-pacing.ts): the fan at place p polls every ceil(p / 50) s,
 * capped at ceil(idleDrop / 3) - 1 s, and at least every second.
 */
export const placesPerPollSecond = 50;

export function pollsPerSecond(waiting: number, idleDropSeconds: number): number {
  const cap = Math.max(1, Math.ceil(idleDropSeconds / 3) - 1);
  let polls = 0;
  // Places (k-1)*50+1 … k*50 poll every k seconds, up to the cap.
  for (let interval = 1; interval < cap; interval += 1) {
    const inBand = Math.min(placesPerPollSecond, waiting - (interval - 1) * placesPerPollSecond);
    if (inBand <= 0) return polls;
    polls += inBand / interval;
  }
  const beyond = Math.max(0, waiting - (cap - 1) * placesPerPollSecond);
  return polls + beyond / cap;
}
