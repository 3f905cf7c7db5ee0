import type { QueueTokenStatus, QueueTokenView } from '@headliner/contracts';
import type { QueueRules } from './queue-rules';
import { estimateWaitSeconds } from './wait-estimate';

/** A live queue token as the store sees it at one instant. */
export interface TokenState {
  queueToken: string;
  status: QueueTokenStatus;
  /** 1-based place in the line while WAITING; 0 once ACTIVE. */
  position: number;
  /** ACTIVE: end of the shopping slot. WAITING: when the token is dropped unless polled again. */
  expiresAtMs: number;
  /** Admissions from the line in the last admissionRateWindowSeconds. */
  recentAdmissions: number;
  /** The active limit in force when the store answered: an admin may have changed the default. */
  activeLimit: number;
}

export function toQueueTokenView(state: TokenState, rules: QueueRules): QueueTokenView {
  return {
    queueToken: state.queueToken,
    status: state.status,
    position: state.position,
    estimatedWaitSeconds: estimateWaitSeconds(state.position, state.recentAdmissions, {
      ...rules,
      activeLimit: state.activeLimit,
    }),
    expiresAt: new Date(state.expiresAtMs).toISOString(),
  };
}
