import type { QueueTokenStatus, QueueTokenView } from '@headliner/contracts';
import { pollAfterSeconds } from './poll-pacing';
import type { QueueRules } from './queue-rules';
import { estimateWaitSeconds } from './wait-estimate';

/** A live queue token as the store sees it at one instant, with its room's settings in force. */
export interface TokenState {
  queueToken: string;
  scheduleId: string;
  status: QueueTokenStatus;
  /** 1-based place in the line while WAITING; 0 once ACTIVE and in the PRE_QUEUE. */
  position: number;
  /** ACTIVE: end of the shopping slot. WAITING, PRE_QUEUE: when it is dropped unless polled. */
  expiresAtMs: number;
  /** Admissions from the line in the last admissionRateWindowSeconds. */
  recentAdmissions: number;
  /** The room's active limit in force: an admin may have changed the default. */
  activeLimit: number;
  /** The room's opening, ms (0: open since it was made). */
  opensAtMs: number;
  waitIdleMs: number;
  activeTtlMs: number;
  /** Redis's clock when it answered. */
  nowMs: number;
}

export function toQueueTokenView(state: TokenState, rules: QueueRules): QueueTokenView {
  const preQueue = state.status === 'PRE_QUEUE';
  return {
    queueToken: state.queueToken,
    scheduleId: state.scheduleId,
    status: state.status,
    position: state.position,
    estimatedWaitSeconds: preQueue
      ? 0
      : estimateWaitSeconds(state.position, state.recentAdmissions, {
          ...rules,
          activeLimit: state.activeLimit,
          activeTtlSeconds: state.activeTtlMs / 1000,
        }),
    expiresAt: new Date(state.expiresAtMs).toISOString(),
    ...(preQueue ? { opensAt: new Date(state.opensAtMs).toISOString() } : {}),
    pollAfterSeconds: pollAfterSeconds(state),
  };
}
