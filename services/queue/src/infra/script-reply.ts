import { QueueTokenStatus } from '@headliner/contracts';
import type { TokenState } from '../domain/token-state';
import type { Transitions } from '../metrics';

/** What a queue script (all but verify and sweep) answered; see `reply` in lua/waiting-room.lua. */
export interface ScriptReply {
  outcome: string;
  /** The token the outcome is about, when it is live. */
  token: TokenState | undefined;
  transitions: Transitions;
}

export function parseScriptReply(reply: unknown[]): ScriptReply {
  const [outcome, queueToken, status, position, expiresAtMs, recentAdmissions] = reply;
  const [admitted, dropped, expired] = reply.slice(6).map(Number);
  const liveStatus = QueueTokenStatus.safeParse(status);
  return {
    outcome: String(outcome),
    token: liveStatus.success
      ? {
          queueToken: String(queueToken),
          status: liveStatus.data,
          position: Number(position),
          expiresAtMs: Number(expiresAtMs),
          recentAdmissions: Number(recentAdmissions),
          activeLimit: Number(reply[9]),
        }
      : undefined,
    transitions: { admitted: admitted ?? 0, dropped: dropped ?? 0, expired: expired ?? 0 },
  };
}
