import type { Redis } from 'ioredis';
import { newQueueToken } from '../domain/queue-token';
import { admissionRateWindowSeconds, type QueueRules } from '../domain/queue-rules';
import type {
  Entry,
  PaymentRelease,
  SweepResult,
  TokenLookup,
  Verification,
} from '../domain/token-outcomes';
import { toQueueTokenView, type TokenState } from '../domain/token-state';
import { activeTokens, issuedTokens, recordTransitions, waitingTokens } from '../metrics';
import { queueKeys } from './queue-keys';
import { defineQueueScripts } from './queue-scripts';
import { fromStore } from './queue-store-unavailable-error';
import { createWaitingRoomControls } from './waiting-room-controls';
import { parseScriptReply, type ScriptReply } from './script-reply';

export interface WaitingRoomOptions {
  /** The request connection: offline queue off and a command timeout, so outages fail fast. */
  redis: Redis;
  rules: QueueRules;
  keyPrefix: string;
}

/** How long a spent token (expired, dropped, paid) still answers 410 instead of 404. */
const spentTokenSeconds = 3600;
/** How long a consumed reservation.confirmed event id is remembered against redelivery. */
const confirmedEventSeconds = 24 * 3600;
/** Most tokens of each kind one sweep retires. */
const sweepBatch = 1000;

export type WaitingRoom = ReturnType<typeof createWaitingRoom>;

/** The waiting room's operations; each is one atomic Lua script, one round trip to Redis. */
export function createWaitingRoom({ redis, rules, keyPrefix }: WaitingRoomOptions) {
  defineQueueScripts(redis);
  const keys = queueKeys(keyPrefix);
  const head = [
    ...keys.forScripts,
    keyPrefix,
    rules.activeLimit,
    rules.activeTtlSeconds * 1000,
    rules.waitIdleSeconds * 1000,
    spentTokenSeconds,
    admissionRateWindowSeconds * 1000,
    rules.admissionRatePerMinute ?? 0,
  ];
  const controls = createWaitingRoomControls(redis, keys, rules);

  const transition = async (call: Promise<unknown[]>): Promise<ScriptReply> => {
    const reply = parseScriptReply(await fromStore(call));
    recordTransitions(reply.transitions);
    return reply;
  };
  const view = (token: TokenState | undefined) => {
    if (!token) throw new Error('the queue script answered without the token');
    return toQueueTokenView(token, rules);
  };

  return {
    rules,
    controls,

    /** The user's live token, or a new one: ACTIVE at once if a slot is free and nobody waits. */
    async enter(userId: string): Promise<Entry> {
      const reply = await transition(redis.queueEnter(...head, userId, newQueueToken(), '1'));
      const created = reply.outcome === 'CREATED';
      if (created) issuedTokens.inc();
      return { created, token: view(reply.token) };
    },

    /** The user's live token, without making one: for a fan who came back without a new proof. */
    async heldToken(userId: string): Promise<Entry | undefined> {
      const reply = await transition(redis.queueEnter(...head, userId, newQueueToken(), '0'));
      return reply.outcome === 'EXISTING'
        ? { created: false, token: view(reply.token) }
        : undefined;
    },

    /** The token's status and place; polling keeps a waiting token from being dropped. */
    async poll(userId: string, queueToken: string): Promise<TokenLookup> {
      const reply = await transition(redis.queuePoll(...head, userId, queueToken));
      if (reply.outcome === 'FOUND') return { kind: 'found', token: view(reply.token) };
      return { kind: reply.outcome === 'GONE' ? 'expired' : 'unknown' };
    },

    /** Gives the token up; an active one's slot goes to the head of the line at once. */
    async leave(userId: string, queueToken: string): Promise<void> {
      await transition(redis.queueLeave(...head, userId, queueToken));
    },

    /** Read-only check for holds and payments. */
    async verify(userId: string, queueToken: string): Promise<Verification> {
      const [outcome, expiresAtMs] = await fromStore(
        redis.queueVerify(...head, userId, queueToken),
      );
      if (outcome === 'ACTIVE') {
        return { kind: 'active', expiresAt: new Date(Number(expiresAtMs)).toISOString() };
      }
      if (outcome === 'WAITING') return { kind: 'waiting' };
      return { kind: outcome === 'GONE' ? 'expired' : 'unknown' };
    },

    /** The buyer paid: their slot is done and goes to the head of the line at once. */
    async releaseAfterPayment(payment: {
      eventId: string;
      userId: string;
      paidAt: Date;
    }): Promise<PaymentRelease> {
      const reply = await transition(
        redis.queueRelease(
          ...head,
          payment.userId,
          payment.eventId,
          payment.paidAt.getTime(),
          confirmedEventSeconds,
        ),
      );
      if (reply.outcome === 'FREED') return 'freed';
      return reply.outcome === 'DUPLICATE' ? 'duplicate' : 'no-active-token';
    },

    /** Retires lapsed actives and idle waiters and refills the slots; run on every tick. */
    async sweep(): Promise<SweepResult> {
      const reply = await fromStore(redis.queueSweep(...head, sweepBatch));
      const [admitted = 0, dropped = 0, expired = 0, active = 0, waiting = 0] = reply.map(Number);
      recordTransitions({ admitted, dropped, expired });
      activeTokens.set(active);
      waitingTokens.set(waiting);
      return { admitted, dropped, expired, active, waiting };
    },

    async stats(): Promise<{ activeLimit: number; active: number; waiting: number }> {
      const { activeLimit, active, waiting } = await controls.snapshot();
      return { activeLimit, active, waiting };
    },
  };
}
