import { QueueTokenStatus } from '@headliner/contracts';
import type { TokenState } from '../domain/token-state';
import type { Transitions } from '../metrics';

/** What a queue script (all but verify, sweep and room-state) answered; see `reply` in lua/waiting-room.lua. */
export interface ScriptReply {
  outcome: string;
  /** The token the outcome is about, when it is live. */
  token: TokenState | undefined;
  transitions: Transitions;
}

export function parseScriptReply(reply: unknown[]): ScriptReply {
  const [outcome, queueToken, status, position, expiresAtMs, recentAdmissions] = reply;
  const [admitted, dropped, expired, activeLimit] = reply.slice(6, 10).map(Number);
  const [scheduleId, opensAtMs, waitIdleMs, nowMs, activeTtlMs] = reply.slice(10);
  const liveStatus = QueueTokenStatus.safeParse(status);
  return {
    outcome: String(outcome),
    token: liveStatus.success
      ? {
          queueToken: String(queueToken),
          scheduleId: String(scheduleId),
          status: liveStatus.data,
          position: Number(position),
          expiresAtMs: Number(expiresAtMs),
          recentAdmissions: Number(recentAdmissions),
          activeLimit: activeLimit ?? 0,
          opensAtMs: Number(opensAtMs),
          waitIdleMs: Number(waitIdleMs),
          activeTtlMs: Number(activeTtlMs),
          nowMs: Number(nowMs),
        }
      : undefined,
    transitions: { admitted: admitted ?? 0, dropped: dropped ?? 0, expired: expired ?? 0 },
  };
}
