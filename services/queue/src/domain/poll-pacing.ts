import type { QueueTokenStatus } from '@headliner/contracts';

/** Each this many places further back in the line wait one second more between polls. */
export const placesPerPollSecond = 50;

export interface PacingInputs {
  status: QueueTokenStatus;
  /** 1-based place in the line while WAITING. */
  position: number;
  /** The room's opening (PRE_QUEUE), ms. */
  opensAtMs: number;
  nowMs: number;
  /** The room's idle drop: a waiting token not polled for this long is dropped. */
  waitIdleMs: number;
}

/**
 * Seconds a fan should wait before polling again (sent as pollAfterSeconds and Retry-After):
 *   ACTIVE: 0 (nothing to wait for);
 *   WAITING: ceil(position / 50): the head of the line polls every second, the back less often;
 *   PRE_QUEUE: the seconds until opensAt (at least 1);
 * each capped at ceil(idleDrop / 3) - 1 s, strictly under a third of the idle drop, so a fan who
 * obeys polls at least three times within the idle drop and is never dropped for want of a poll.
 */
export function pollAfterSeconds(token: PacingInputs): number {
  if (token.status === 'ACTIVE') return 0;
  const cap = Math.max(0, Math.ceil(token.waitIdleMs / 3000) - 1);
  const wanted =
    token.status === 'WAITING'
      ? Math.ceil(token.position / placesPerPollSecond)
      : Math.max(1, Math.ceil((token.opensAtMs - token.nowMs) / 1000));
  return Math.min(cap, wanted);
}
