import type { ScheduleWaitingRoomSettings } from '@headliner/contracts';
import type { Redis } from 'ioredis';
import { newDrawKey } from '../domain/pre-queue-draw';
import { newQueueToken } from '../domain/queue-token';
import { admissionRateWindowSeconds, type QueueRules } from '../domain/queue-rules';
import { storedRoomSettings, type RoomState } from '../domain/room-settings';
import type {
  Entry,
  PaymentRelease,
  SweepResult,
  TokenLookup,
  Verification,
} from '../domain/token-outcomes';
import { toQueueTokenView, type TokenState } from '../domain/token-state';
import {
  activeTokens,
  issuedTokens,
  openRooms,
  pausedWaitingTokens,
  preQueueTokens,
  recordTransitions,
  waitingTokens,
} from '../metrics';
import { queueKeys } from './queue-keys';
import { defineQueueScripts } from './queue-scripts';
import { fromStore } from './queue-store-unavailable-error';
import { parseRoomState } from './room-state-reply';
import { parseScriptReply, type ScriptReply } from './script-reply';
import { createWaitingRoomControls } from './waiting-room-controls';

export interface WaitingRoomOptions {
  /** The request connection: offline queue off and a command timeout, so outages fail fast. */
  redis: Redis;
  rules: QueueRules;
  keyPrefix: string;
  /** A room's proof-of-work difficulty until an admin sets its own; 0: no challenge. */
  defaultChallengeDifficulty?: number;
}

/** How long a spent token (expired, dropped, paid) still answers 410 instead of 404. */
const spentTokenSeconds = 3600;
/** How long a consumed reservation.confirmed event id is remembered against redelivery. */
const confirmedEventSeconds = 24 * 3600;
/** Most tokens of each kind one sweep retires in one room. */
const sweepBatch = 1000;

export type WaitingRoom = ReturnType<typeof createWaitingRoom>;

/**
 * The waiting rooms, one per schedule; each operation is one atomic Lua script, one round trip to
 * Redis (the sweep: one per room with live tokens).
 */
export function createWaitingRoom({
  redis,
  rules,
  keyPrefix,
  defaultChallengeDifficulty = 0,
}: WaitingRoomOptions) {
  defineQueueScripts(redis);
  const keys = queueKeys(keyPrefix);
  const headFor = (scheduleId: string) => [
    ...keys.forScripts,
    keyPrefix,
    scheduleId,
    rules.activeLimit,
    rules.activeTtlSeconds * 1000,
    rules.waitIdleSeconds * 1000,
    spentTokenSeconds,
    admissionRateWindowSeconds * 1000,
    rules.admissionRatePerMinute ?? 0,
  ];
  // Poll, leave and verify find the room from the token.
  const head = headFor('');
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

  /** See lua/enter.lua for the modes. */
  const enterAs = (userId: string, scheduleId: string, mode: '1' | '0' | 'door') =>
    transition(
      redis.queueEnter(
        ...headFor(scheduleId),
        userId,
        newQueueToken(),
        newDrawKey(),
        mode,
        defaultChallengeDifficulty,
      ),
    );
  const entryOf = (reply: ScriptReply): Entry => {
    const created = reply.outcome === 'CREATED';
    if (created) issuedTokens.inc();
    return { created, token: view(reply.token) };
  };

  const roomState = async (scheduleId: string): Promise<RoomState> =>
    parseRoomState(
      scheduleId,
      await fromStore(redis.queueRoomState(...headFor(scheduleId))),
      defaultChallengeDifficulty,
    );

  const sweepRoom = async (scheduleId: string) => {
    const reply = await fromStore(redis.queueSweep(...headFor(scheduleId), sweepBatch));
    const [
      admitted = 0,
      dropped = 0,
      expired = 0,
      active = 0,
      waiting = 0,
      preQueue = 0,
      open = 0,
      pausedWaiting = 0,
    ] = reply.map(Number);
    recordTransitions({ admitted, dropped, expired });
    return { admitted, dropped, expired, active, waiting, preQueue, open, pausedWaiting };
  };

  return {
    rules,
    /** The global controls (issue 14): every room's defaults, and a pause of them all. */
    controls,

    /**
     * The user's live token in the schedule's room, or a new one: PRE_QUEUE before the room
     * opens, ACTIVE at once if a slot is free and nobody waits, else WAITING.
     */
    async enter(userId: string, scheduleId: string): Promise<Entry> {
      return entryOf(await enterAs(userId, scheduleId, '1'));
    },

    /**
     * enter in the same single round trip, if the room asks for no proof of work (its
     * challengeDifficulty, else the default, is 0); undefined, with nothing changed, if it does.
     */
    async enterWithoutProof(userId: string, scheduleId: string): Promise<Entry | undefined> {
      const reply = await enterAs(userId, scheduleId, 'door');
      return reply.outcome === 'PROOF_NEEDED' ? undefined : entryOf(reply);
    },

    /** The user's live token in the room, without making one: for a fan back without a proof. */
    async heldToken(userId: string, scheduleId: string): Promise<Entry | undefined> {
      const reply = await enterAs(userId, scheduleId, '0');
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

    /** Gives the token up; an active one's slot goes to the head of its room's line at once. */
    async leave(userId: string, queueToken: string): Promise<void> {
      await transition(redis.queueLeave(...head, userId, queueToken));
    },

    /** Read-only check for holds: ACTIVE, and for which schedule. */
    async verify(userId: string, queueToken: string): Promise<Verification> {
      const [outcome, expiresAtMs, scheduleId] = await fromStore(
        redis.queueVerify(...head, userId, queueToken),
      );
      if (outcome === 'ACTIVE') {
        return {
          kind: 'active',
          expiresAt: new Date(Number(expiresAtMs)).toISOString(),
          scheduleId: String(scheduleId),
        };
      }
      if (outcome === 'WAITING') return { kind: 'waiting' };
      return { kind: outcome === 'GONE' ? 'expired' : 'unknown' };
    },

    /** The buyer paid for a seat of this schedule: their slot in its room goes to the next in line. */
    async releaseAfterPayment(payment: {
      eventId: string;
      userId: string;
      scheduleId: string;
      paidAt: Date;
    }): Promise<PaymentRelease> {
      const reply = await transition(
        redis.queueRelease(
          ...headFor(payment.scheduleId),
          payment.userId,
          payment.eventId,
          payment.paidAt.getTime(),
          confirmedEventSeconds,
        ),
      );
      if (reply.outcome === 'FREED') return 'freed';
      return reply.outcome === 'DUPLICATE' ? 'duplicate' : 'no-active-token';
    },

    /**
     * Sweeps every room with live tokens: retires lapsed actives and idle waiters, draws a due
     * pre-queue, refills the slots. Run on every tick.
     */
    async sweep(): Promise<SweepResult> {
      const rooms = await fromStore(redis.smembers(keys.rooms));
      const total = { admitted: 0, dropped: 0, expired: 0, active: 0, waiting: 0, preQueue: 0 };
      let open = 0;
      let pausedWaiting = 0;
      for (const scheduleId of rooms) {
        const room = await sweepRoom(scheduleId);
        for (const kind of Object.keys(total) as (keyof typeof total)[]) total[kind] += room[kind];
        open += room.open;
        pausedWaiting += room.pausedWaiting;
      }
      activeTokens.set(total.active);
      waitingTokens.set(total.waiting);
      pausedWaitingTokens.set(pausedWaiting);
      preQueueTokens.set(total.preQueue);
      openRooms.set(open);
      return { ...total, rooms: rooms.length };
    },

    /** The room's settings in force (challengeDifficulty included) and how full it is. */
    roomSettings: roomState,

    /** Replaces the room's settings as `actor`; an omitted one falls back to the default. */
    async replaceRoomSettings(
      scheduleId: string,
      settings: ScheduleWaitingRoomSettings,
      actor: string,
    ): Promise<{ before: Record<string, string>; after: Record<string, string> }> {
      const fields = Object.entries(storedRoomSettings(settings)).flat();
      const [before, after] = await fromStore(
        redis.queueReplaceSettings(keys.room(scheduleId).settings, actor, ...fields),
      );
      return { before: pairs(before), after: pairs(after) };
    },

    /** Pauses or resumes admission to one room as `actor` (idempotent). */
    async setRoomPaused(
      scheduleId: string,
      paused: boolean,
      actor: string,
    ): Promise<{ before: Record<string, string>; after: Record<string, string> }> {
      const [before, after] = await fromStore(
        redis.queueChangeSettings(
          keys.room(scheduleId).settings,
          actor,
          'paused',
          paused ? '1' : '0',
        ),
      );
      return { before: pairs(before), after: pairs(after) };
    },
  };
}

/** HGETALL as a Lua script answers it: a flat [field, value, ...] list. */
function pairs(flat: string[]): Record<string, string> {
  const stored: Record<string, string> = {};
  for (let i = 0; i < flat.length; i += 2) stored[flat[i]!] = flat[i + 1]!;
  return stored;
}
