import { Counter, Gauge } from 'prom-client';
import type { WaitingRoomSettings } from './domain/waiting-room-settings';

export const activeTokens = new Gauge({
  name: 'queue_active_tokens',
  help: 'Queue tokens ACTIVE at the last sweep, every room together',
});

export const waitingTokens = new Gauge({
  name: 'queue_waiting_tokens',
  help: 'Queue tokens WAITING at the last sweep, every room together',
});

export const pausedWaitingTokens = new Gauge({
  name: 'queue_paused_waiting_tokens',
  help: 'Of the WAITING tokens, those in paused rooms (their own pause or every room paused), at the last sweep',
});

export const preQueueTokens = new Gauge({
  name: 'queue_pre_queue_tokens',
  help: 'Queue tokens in the PRE_QUEUE of a room not open yet, at the last sweep',
});

export const openRooms = new Gauge({
  name: 'queue_rooms_open',
  help: 'Waiting rooms with live tokens past their opensAt, at the last sweep',
});

export const issuedTokens = new Counter({
  name: 'queue_tokens_issued_total',
  help: "Queue tokens issued: the waiting room's arrivals (a user's second entry is the same token)",
});

export const admittedTokens = new Counter({
  name: 'queue_tokens_admitted_total',
  help: 'Queue tokens that became ACTIVE, on entry or from the line',
});

export const expiredTokens = new Counter({
  name: 'queue_tokens_expired_total',
  help: 'ACTIVE queue tokens that lapsed after ACTIVE_TTL_SECONDS',
});

export const droppedTokens = new Counter({
  name: 'queue_tokens_dropped_total',
  help: 'WAITING queue tokens dropped after WAIT_IDLE_TTL_SECONDS without a poll',
});

/** Counts of what one script did besides its main effect. */
export interface Transitions {
  admitted: number;
  dropped: number;
  expired: number;
}

export function recordTransitions({ admitted, dropped, expired }: Transitions): void {
  if (admitted > 0) admittedTokens.inc(admitted);
  if (dropped > 0) droppedTokens.inc(dropped);
  if (expired > 0) expiredTokens.inc(expired);
}

export const paymentEvents = new Counter({
  name: 'queue_payment_events_total',
  // Retries and dead letters are counted by kafka_events_consumed_total.
  help: 'Applied reservation.confirmed events by outcome: freed, duplicate, no-active-token',
  labelNames: ['outcome'],
});

/**
 * The operators' live controls as gauges, read from Redis at each scrape, so every replica shows
 * the settings in force. While Redis is away a scrape keeps the last values rather than fail.
 */
export function exposeWaitingRoomSettings(read: () => Promise<WaitingRoomSettings>): void {
  // A scrape collects the three gauges at once: they share one read of Redis.
  let reading: Promise<WaitingRoomSettings | undefined> | undefined;
  const readOnce = () =>
    (reading ??= read()
      .catch(() => undefined)
      .finally(() => (reading = undefined)));
  const gauge = (name: string, help: string, valueOf: (settings: WaitingRoomSettings) => number) =>
    new Gauge({
      name,
      help,
      async collect() {
        const settings = await readOnce();
        if (settings) this.set(valueOf(settings));
      },
    });
  gauge(
    'queue_active_limit',
    'Queue tokens that may be ACTIVE at once, as set now',
    (settings) => settings.activeLimit,
  );
  gauge(
    'queue_admission_rate_per_minute',
    'Most admissions in any rolling minute, as set now; 0 when unlimited',
    (settings) => settings.admissionRatePerMinute ?? 0,
  );
  gauge('queue_admission_paused', '1 while an operator has paused admission, else 0', (settings) =>
    settings.paused ? 1 : 0,
  );
}

export const challengesIssued = new Counter({
  name: 'queue_challenges_issued_total',
  help: 'Proof-of-work challenges handed out at the door of the waiting room',
});

export const proofOutcomes = new Counter({
  name: 'queue_challenge_proofs_total',
  help: 'Proofs checked at the door: accepted, missing, malformed, bad-signature, wrong-number, expired, other-room, other-user, used',
  labelNames: ['outcome'],
});
