import { call, isProblem } from './call.js';

// The public API as a fan's client app uses it (issue 3's contract), one function per step.

const isText = (value) => typeof value === 'string' && value.length > 0;
const isCount = (value) => Number.isInteger(value) && value >= 0;
const isQueueToken = (t) =>
  isText(t.queueToken) &&
  isText(t.scheduleId) &&
  ['PRE_QUEUE', 'WAITING', 'ACTIVE'].includes(t.status) &&
  isCount(t.position) &&
  isCount(t.estimatedWaitSeconds) &&
  isCount(t.pollAfterSeconds);

export function signIn(username, password) {
  const { body, ok } = call('login', 'POST', '/api/v1/auth/login', {
    body: { username, password },
    answers: { 200: (b) => isText(b.accessToken) && isText(b.userId) },
  });
  return ok ? { username, accessToken: body.accessToken, userId: body.userId } : undefined;
}

/** A page of the concert list, newest first: `limit` concerts at most (100 is the maximum). */
export function listConcerts(limit = 100, cursor = undefined) {
  return call('concerts', 'GET', '/api/v1/concerts', {
    path: `/api/v1/concerts?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    answers: {
      200: (b) =>
        Array.isArray(b.items) &&
        b.items.length <= limit &&
        b.items.every((c) => isText(c.concertId) && isText(c.title)) &&
        (b.nextCursor === null || isText(b.nextCursor)),
    },
  });
}

export function listSchedules(concertId) {
  return call('schedules', 'GET', '/api/v1/concerts/{concertId}/schedules', {
    path: `/api/v1/concerts/${concertId}/schedules`,
    answers: {
      200: (b) =>
        Array.isArray(b) && b.every((s) => isText(s.scheduleId) && isCount(s.availableSeats)),
    },
  });
}

/**
 * `raw: true` checks the answer's text (its scheduleId and a seats list) without parsing it, for
 * reads so hot that parsing every seat map would take the CPU the services need.
 */
export function seatMap(scheduleId, { raw = false, tags } = {}) {
  const parsed = (b) =>
    b.scheduleId === scheduleId &&
    Array.isArray(b.seats) &&
    b.seats.every((s) => isText(s.seatId) && isCount(s.number) && isText(s.status));
  const text = (b) =>
    b.includes(`"scheduleId":"${scheduleId}"`) &&
    b.includes('"seats":[') &&
    b.includes('"seatId":"');
  return call('seats', 'GET', '/api/v1/schedules/{scheduleId}/seats', {
    path: `/api/v1/schedules/${scheduleId}/seats`,
    tags,
    raw,
    answers: { 200: raw ? text : parsed },
  });
}

export function queueStats(scheduleId) {
  return call('stats', 'GET', '/api/v1/schedules/{scheduleId}/queue/stats', {
    path: `/api/v1/schedules/${scheduleId}/queue/stats`,
    answers: {
      200: (b) =>
        b.scheduleId === scheduleId &&
        isCount(b.activeLimit) &&
        isCount(b.active) &&
        isCount(b.waiting) &&
        isCount(b.preQueue),
    },
  });
}

/**
 * Joins the schedule's waiting room: 201 for a new token, 200 with the one the fan holds there.
 * `proof`: the solved challenge (lib/door.js), for a room whose door asks for one.
 */
export function takeQueueToken(session, scheduleId, tags, proof) {
  return call('token', 'POST', '/api/v1/queue/tokens', {
    session,
    body: proof === undefined ? { scheduleId } : { scheduleId, proof },
    tags,
    answers: { 200: isQueueToken, 201: isQueueToken },
  });
}

/**
 * `orSpent`: a 410 is expected too. A fan who joins again right after paying may get back the
 * token the payment is about to end (the queue learns of the payment from Kafka a moment later).
 */
export function currentQueueToken(session, queueToken, { orSpent = false } = {}) {
  return call('queue_poll', 'GET', '/api/v1/queue/tokens/current', {
    session,
    queueToken,
    queueWait: true,
    answers: orSpent ? { 200: isQueueToken, 410: isProblem } : { 200: isQueueToken },
  });
}

/** 204; 404 or 410 when a completed payment already spent the token (not an error). */
export function leaveQueue(session, queueToken, tags) {
  return call('leave', 'DELETE', '/api/v1/queue/tokens/current', {
    session,
    queueToken,
    tags,
    answers: { 204: null, 404: isProblem, 410: isProblem },
  });
}

/**
 * `contended`: a 409 (someone else holds the seat) is an expected answer, not a failure.
 * `orSpent`: so is a 403 for a queue token that expired (see currentQueueToken).
 */
export function holdSeat(
  session,
  queueToken,
  seat,
  { contended = false, orSpent = false, tags } = {},
) {
  const held = (b) => isText(b.reservationId) && b.status === 'HELD' && isCount(b.price);
  return call('hold', 'POST', '/api/v1/reservations', {
    session,
    queueToken,
    tags,
    body: { scheduleId: seat.scheduleId, seatId: seat.seatId },
    answers: {
      201: held,
      ...(contended ? { 409: isProblem } : {}),
      ...(orSpent ? { 403: (b) => b.reason === 'expired' } : {}),
    },
  });
}

/** 200 COMPLETED, or 202 PENDING when the saga outlasted the payment wait (slow, but no error). */
export function pay(session, queueToken, reservationId, tags) {
  return call('pay', 'POST', '/api/v1/payments', {
    session,
    queueToken,
    tags,
    idempotencyKey: crypto.randomUUID(),
    body: { reservationId },
    answers: {
      200: (b) =>
        b.status === 'COMPLETED' && b.reservationId === reservationId && isCount(b.balance),
      202: (b) => b.status === 'PENDING' && b.reservationId === reservationId,
    },
  });
}

export function charge(session, amount, idempotencyKey, tags) {
  return call('charge', 'POST', '/api/v1/wallet/charges', {
    session,
    tags,
    idempotencyKey,
    body: { amount },
    answers: { 200: (b) => isCount(b.balance) },
  });
}

export function readWallet(session, tags) {
  return call('balance', 'GET', '/api/v1/wallet', {
    session,
    tags,
    answers: { 200: (b) => b.userId === session.userId && isCount(b.balance) },
  });
}
