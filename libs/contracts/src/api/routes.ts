import { z } from 'zod';
import { json, problem, type ApiRoute } from './api-route';
import {
  LoginRequest,
  LoginResponse,
  LogoutRequest,
  RefreshRequest,
  SignupRequest,
  SignupResponse,
} from './auth';
import * as catalogue from './catalogue';
import { healthRoutes } from './health';
import { IdempotencyHeaders } from './idempotency-key';
import { retryAfter } from './route-kind-responses';
import { PaymentPending, PaymentRequest, PaymentResult } from './payments';
import { SaleHoldRequest, ScheduleSaleState } from './sale-hold';
import { EnterQueueRequest, QueueStats, QueueTokenHeaders, QueueTokenView } from './queue';
import { QueueChallenge, QueueChallengeQuery } from './queue-challenge';
import {
  BookingCancellation,
  HoldSeatRequest,
  ReservationListQuery,
  ReservationPage,
  ReservationPath,
  ReservationView,
  SeatHold,
} from './reservations';
import {
  ChargeRequest,
  ChargeResult,
  WalletTransactionListQuery,
  WalletTransactionPage,
  WalletView,
} from './wallet';
import { WaitlistEntry, WaitlistStanding } from './waitlist';
import {
  ScheduleWaitingRoom,
  ScheduleWaitingRoomSettings,
  UpdateWaitingRoomRequest,
  WaitingRoomState,
} from './waiting-room-admin';

// 400, 401, 403 for admin routes, 413, 429, 502-504: added by kind (route-kind-responses.ts).
const hashingBusy = {
  ...problem(
    'Every password-hash slot is taken (a sign-in storm), or a store is down; retry after Retry-After',
  ),
  headers: retryAfter,
};
const notFound = problem('No such resource');
const queueTokenNotActive = problem(
  'The queue token is missing, unknown, not ACTIVE yet, or of another schedule',
);
const pollAfter = {
  'Retry-After': {
    description: 'Seconds to wait before polling again: the same as pollAfterSeconds',
    schema: z.int().nonnegative(),
  },
};

const operations = {
  signup: {
    operationId: 'signup',
    method: 'post',
    path: '/api/v1/auth/signup',
    tag: 'auth',
    summary: 'Create an account',
    caller: 'anyone',
    body: SignupRequest,
    responses: {
      201: json('Account created', SignupResponse),
      409: problem('The username is taken'),
      429: {
        ...problem(
          'Too many sign-ups from this client, or too many requests; wait Retry-After seconds',
        ),
        headers: retryAfter,
      },
      503: hashingBusy,
    },
  },
  login: {
    operationId: 'login',
    method: 'post',
    path: '/api/v1/auth/login',
    tag: 'auth',
    summary: 'Exchange username and password for an access token',
    caller: 'anyone',
    body: LoginRequest,
    responses: {
      200: json('Signed in', LoginResponse),
      401: problem('Wrong username or password'),
      429: {
        ...problem(
          'Too many failed sign-ins for this username or from this client, or too many requests; wait Retry-After seconds',
        ),
        headers: retryAfter,
      },
      503: hashingBusy,
    },
  },
  refreshTokens: {
    operationId: 'refreshTokens',
    method: 'post',
    path: '/api/v1/auth/refresh',
    tag: 'auth',
    summary: 'Exchange a refresh token for a new access token and a new refresh token',
    caller: 'anyone',
    body: RefreshRequest,
    responses: {
      200: json('Signed in again; the refresh token sent is used up', LoginResponse),
      401: problem(
        'The refresh token is unknown, expired or revoked; a used one revokes its whole sign-in',
      ),
    },
  },
  logout: {
    operationId: 'logout',
    method: 'post',
    path: '/api/v1/auth/logout',
    tag: 'auth',
    summary: 'Revoke the refresh token (and every token refreshed from the same sign-in)',
    caller: 'anyone',
    body: LogoutRequest,
    responses: { 204: { description: 'Signed out (also for a token already revoked or unknown)' } },
  },
  listConcerts: {
    operationId: 'listConcerts',
    method: 'get',
    path: '/api/v1/concerts',
    tag: 'catalogue',
    summary: 'List concerts, newest first, a page at a time',
    caller: 'anyone',
    query: catalogue.ConcertListQuery,
    responses: { 200: json('A page of concerts', catalogue.ConcertPage) },
  },
  listSchedules: {
    operationId: 'listSchedules',
    method: 'get',
    path: '/api/v1/concerts/{concertId}/schedules',
    tag: 'catalogue',
    summary: 'List the schedules (performances) of a concert',
    caller: 'anyone',
    params: catalogue.ConcertPath,
    responses: {
      200: json('Schedules with their available seat counts', catalogue.ScheduleList),
      404: notFound,
    },
  },
  getSeatMap: {
    operationId: 'getSeatMap',
    method: 'get',
    path: '/api/v1/schedules/{scheduleId}/seats',
    tag: 'catalogue',
    summary: 'Every seat of a schedule with its price and status',
    caller: 'anyone',
    params: catalogue.SchedulePath,
    responses: { 200: json('Seat map', catalogue.SeatMap), 404: notFound },
  },
  enterQueue: {
    operationId: 'enterQueue',
    method: 'post',
    path: '/api/v1/queue/tokens',
    tag: 'queue',
    summary:
      "Join a schedule's waiting room, or get the token the user already holds there; before opensAt the token waits in the PRE_QUEUE",
    caller: 'user',
    body: EnterQueueRequest,
    responses: {
      201: { ...json('Joined the queue', QueueTokenView), headers: pollAfter },
      200: {
        ...json("The user's existing token in this room (no proof needed)", QueueTokenView),
        headers: pollAfter,
      },
      404: problem('No such schedule (type schedule-not-found)'),
      403: problem(
        'challenge-failed: the proof is wrong, expired, used, or for another room or user (see reason)',
      ),
    },
  },
  getQueueChallenge: {
    operationId: 'getQueueChallenge',
    method: 'get',
    path: '/api/v1/queue/challenge',
    tag: 'queue',
    summary: "A proof-of-work challenge to solve before joining the schedule's waiting room",
    caller: 'user',
    query: QueueChallengeQuery,
    responses: {
      200: json('A challenge for this fan and room, valid a few minutes', QueueChallenge),
      404: problem('No such schedule (type schedule-not-found)'),
    },
  },
  getQueueToken: {
    operationId: 'getQueueToken',
    method: 'get',
    path: '/api/v1/queue/tokens/current',
    tag: 'queue',
    summary: 'Poll the position and status of a queue token',
    caller: 'user',
    headers: QueueTokenHeaders,
    responses: {
      200: { ...json('Current position and status', QueueTokenView), headers: pollAfter },
      404: problem('Unknown queue token'),
      410: problem('The queue token expired; enter the queue again'),
    },
  },
  leaveQueue: {
    operationId: 'leaveQueue',
    method: 'delete',
    path: '/api/v1/queue/tokens/current',
    tag: 'queue',
    summary: 'Give up a queue token, freeing its place',
    caller: 'user',
    headers: QueueTokenHeaders,
    responses: { 204: { description: 'Left the queue' } },
  },
  getQueueStats: {
    operationId: 'getQueueStats',
    method: 'get',
    path: '/api/v1/schedules/{scheduleId}/queue/stats',
    tag: 'queue',
    summary: "How busy a schedule's waiting room is, and when it opens",
    caller: 'anyone',
    params: catalogue.SchedulePath,
    responses: { 200: json('Queue statistics', QueueStats) },
  },
  holdSeat: {
    operationId: 'holdSeat',
    method: 'post',
    path: '/api/v1/reservations',
    tag: 'reservations',
    summary: 'Hold a seat until expiresAt, pending payment',
    caller: 'user',
    headers: QueueTokenHeaders,
    body: HoldSeatRequest,
    responses: {
      201: json('Seat held', SeatHold),
      403: queueTokenNotActive,
      404: problem('No such schedule or seat'),
      409: problem(
        'The seat is not available, the caller holds as many seats as allowed, or the sale is on hold',
      ),
    },
  },
  getReservation: {
    operationId: 'getReservation',
    method: 'get',
    path: '/api/v1/reservations/{reservationId}',
    tag: 'reservations',
    summary: "One of the caller's reservations",
    caller: 'user',
    params: ReservationPath,
    responses: {
      200: json('The reservation', ReservationView),
      404: problem('No such reservation of the caller'),
    },
  },
  joinWaitlist: {
    operationId: 'joinWaitlist',
    method: 'post',
    path: '/api/v1/schedules/{scheduleId}/waitlist',
    tag: 'reservations',
    summary:
      'Wait for a seat of a sold-out schedule: a seat that comes back is held for the first fan on the list',
    caller: 'user',
    params: catalogue.SchedulePath,
    responses: {
      201: json('On the list', WaitlistEntry),
      200: json('Already on the list', WaitlistEntry),
      404: problem('No such schedule'),
      409: problem('The schedule has seats available (type seats-available): hold one instead'),
    },
  },
  getWaitlistStanding: {
    operationId: 'getWaitlistStanding',
    method: 'get',
    path: '/api/v1/schedules/{scheduleId}/waitlist',
    tag: 'reservations',
    summary: "The caller's place on the schedule's waiting list, and the hold offered to them",
    caller: 'user',
    params: catalogue.SchedulePath,
    responses: { 200: json("The caller's standing", WaitlistStanding) },
  },
  leaveWaitlist: {
    operationId: 'leaveWaitlist',
    method: 'delete',
    path: '/api/v1/schedules/{scheduleId}/waitlist',
    tag: 'reservations',
    summary: "Leave the schedule's waiting list (a hold already offered stays)",
    caller: 'user',
    params: catalogue.SchedulePath,
    responses: { 204: { description: 'Off the list (also when not on it)' } },
  },
  listMyReservations: {
    operationId: 'listMyReservations',
    method: 'get',
    path: '/api/v1/reservations',
    tag: 'reservations',
    summary: "The caller's reservations, newest first, a page at a time",
    caller: 'user',
    query: ReservationListQuery,
    responses: { 200: json('A page of reservations', ReservationPage) },
  },
  releaseHold: {
    operationId: 'releaseHold',
    method: 'delete',
    path: '/api/v1/reservations/{reservationId}',
    tag: 'reservations',
    summary: 'Give up an unpaid hold at once: the seat is on sale again (idempotent)',
    caller: 'user',
    params: ReservationPath,
    responses: {
      204: { description: 'Released (also when it had ended already)' },
      404: problem('No such reservation of the caller'),
      409: problem('The reservation is paid or being paid: cancel the booking instead'),
    },
  },
  cancelBooking: {
    operationId: 'cancelBooking',
    method: 'post',
    path: '/api/v1/reservations/{reservationId}/cancellation',
    tag: 'reservations',
    summary:
      'Cancel a confirmed booking before its cutoff: the seat goes back on sale, the price is refunded to the wallet once',
    caller: 'user',
    params: ReservationPath,
    headers: IdempotencyHeaders,
    responses: {
      202: json(
        'Cancelled (now, or before: the same answer); the refund is on its way to the wallet',
        BookingCancellation,
      ),
      404: problem('No such reservation of the caller'),
      409: problem(
        'The reservation is not a confirmed booking (type booking-not-confirmed), or its cancellation cutoff has passed (type cancellation-cutoff)',
      ),
      422: problem('The Idempotency-Key was used to cancel another booking'),
    },
  },
  pay: {
    operationId: 'pay',
    method: 'post',
    path: '/api/v1/payments',
    tag: 'payments',
    summary:
      'Pay for a held seat from the wallet; no queue token needed: a hold placed while ACTIVE may be paid until it expires',
    caller: 'user',
    headers: IdempotencyHeaders,
    body: PaymentRequest,
    responses: {
      200: json('Paid; the reservation is CONFIRMED', PaymentResult),
      202: json('Still in progress; poll the reservation', PaymentPending),
      402: problem('Insufficient wallet balance'),
      409: problem(
        "The hold expired or is not the caller's, it is paid or being paid, or the payment timed out",
      ),
      422: problem('The Idempotency-Key was used for another payment'),
    },
  },
  chargeWallet: {
    operationId: 'chargeWallet',
    method: 'post',
    path: '/api/v1/wallet/charges',
    tag: 'wallet',
    summary: 'Add money to the wallet',
    caller: 'user',
    headers: IdempotencyHeaders,
    body: ChargeRequest,
    responses: {
      200: json('Charged', ChargeResult),
      422: problem(
        'Nothing charged: the key was used for another charge, or the charge would take the ' +
          "balance past its maximum (errors names body.amount, rule max-balance) or the day's " +
          'charges past the daily cap (rule daily-charge-cap; resetsAt says when it resets, at ' +
          'midnight Asia/Seoul)',
      ),
    },
  },
  getWallet: {
    operationId: 'getWallet',
    method: 'get',
    path: '/api/v1/wallet',
    tag: 'wallet',
    summary: "The caller's wallet balance",
    caller: 'user',
    responses: { 200: json('The wallet', WalletView) },
  },
  listWalletTransactions: {
    operationId: 'listWalletTransactions',
    method: 'get',
    path: '/api/v1/wallet/transactions',
    tag: 'wallet',
    summary:
      "The caller's wallet ledger (charges, debits, refunds), newest first, a page at a time",
    caller: 'user',
    query: WalletTransactionListQuery,
    responses: { 200: json('A page of the ledger', WalletTransactionPage) },
  },
  createConcert: {
    operationId: 'createConcert',
    method: 'post',
    path: '/api/v1/admin/concerts',
    tag: 'admin',
    summary: 'Add a concert to the catalogue',
    caller: 'admin',
    body: catalogue.CreateConcertRequest,
    responses: {
      201: json('Concert created', catalogue.CreateConcertResponse),
    },
  },
  createSchedule: {
    operationId: 'createSchedule',
    method: 'post',
    path: '/api/v1/admin/concerts/{concertId}/schedules',
    tag: 'admin',
    summary: 'Add a schedule with seats 1..seatCount, all at one price',
    caller: 'admin',
    params: catalogue.ConcertPath,
    body: catalogue.CreateScheduleRequest,
    responses: {
      201: json('Schedule and seats created', catalogue.CreateScheduleResponse),
      404: notFound,
      409: problem(
        `The concert already has the maximum of ${catalogue.MAX_SCHEDULES_PER_CONCERT} schedules`,
      ),
    },
  },
  getWaitingRoom: {
    operationId: 'getWaitingRoom',
    method: 'get',
    path: '/api/v1/admin/waiting-room',
    tag: 'waiting-room-admin',
    summary: "The waiting room's live settings and how full it is",
    caller: 'admin',
    responses: { 200: json('The waiting room', WaitingRoomState) },
  },
  updateWaitingRoom: {
    operationId: 'updateWaitingRoom',
    method: 'patch',
    path: '/api/v1/admin/waiting-room',
    tag: 'waiting-room-admin',
    summary:
      'Change the active limit and the admission rate live, on every replica at its next admission; a lower limit evicts nobody',
    caller: 'admin',
    body: UpdateWaitingRoomRequest,
    responses: { 200: json('The waiting room after the change', WaitingRoomState) },
  },
  pauseAdmission: {
    operationId: 'pauseAdmission',
    method: 'post',
    path: '/api/v1/admin/waiting-room/pause',
    tag: 'waiting-room-admin',
    summary:
      'Stop admitting: new fans wait even with free slots, fans already ACTIVE keep theirs (idempotent)',
    caller: 'admin',
    responses: { 200: json('The waiting room, paused', WaitingRoomState) },
  },
  resumeAdmission: {
    operationId: 'resumeAdmission',
    method: 'post',
    path: '/api/v1/admin/waiting-room/resume',
    tag: 'waiting-room-admin',
    summary: 'Admit again, from the head of the line (idempotent)',
    caller: 'admin',
    responses: { 200: json('The waiting room, admitting', WaitingRoomState) },
  },
  getScheduleWaitingRoom: {
    operationId: 'getScheduleWaitingRoom',
    method: 'get',
    path: '/api/v1/admin/schedules/{scheduleId}/waiting-room',
    tag: 'waiting-room-admin',
    summary: "A schedule's waiting room: the settings in force and how full it is",
    caller: 'admin',
    params: catalogue.SchedulePath,
    responses: { 200: json("The schedule's waiting room", ScheduleWaitingRoom) },
  },
  setScheduleWaitingRoom: {
    operationId: 'setScheduleWaitingRoom',
    method: 'put',
    path: '/api/v1/admin/schedules/{scheduleId}/waiting-room',
    tag: 'waiting-room-admin',
    summary:
      "Replace a schedule's waiting-room settings (an omitted one falls back to the default), live on every replica",
    caller: 'admin',
    params: catalogue.SchedulePath,
    body: ScheduleWaitingRoomSettings,
    responses: {
      200: json('The waiting room after the change', ScheduleWaitingRoom),
      404: problem('No such schedule'),
    },
  },
  pauseScheduleAdmission: {
    operationId: 'pauseScheduleAdmission',
    method: 'post',
    path: '/api/v1/admin/schedules/{scheduleId}/waiting-room/pause',
    tag: 'waiting-room-admin',
    summary:
      "Stop admitting to this schedule's room; fans already ACTIVE keep their slot (idempotent)",
    caller: 'admin',
    params: catalogue.SchedulePath,
    responses: {
      200: json('The room, paused', ScheduleWaitingRoom),
      404: problem('No such schedule'),
    },
  },
  resumeScheduleAdmission: {
    operationId: 'resumeScheduleAdmission',
    method: 'post',
    path: '/api/v1/admin/schedules/{scheduleId}/waiting-room/resume',
    tag: 'waiting-room-admin',
    summary: "Admit to this schedule's room again, from the head of its line (idempotent)",
    caller: 'admin',
    params: catalogue.SchedulePath,
    responses: {
      200: json('The room, admitting', ScheduleWaitingRoom),
      404: problem('No such schedule'),
    },
  },
  holdSale: {
    operationId: 'holdSale',
    method: 'put',
    path: '/api/v1/admin/schedules/{scheduleId}/sale-hold',
    tag: 'admin',
    summary: "Put a schedule's sale on hold: new seat holds are refused, payments of holds go on",
    caller: 'admin',
    params: catalogue.SchedulePath,
    body: SaleHoldRequest,
    responses: {
      200: json('The sale is on hold (already, or from now)', ScheduleSaleState),
      404: notFound,
    },
  },
  resumeSale: {
    operationId: 'resumeSale',
    method: 'delete',
    path: '/api/v1/admin/schedules/{scheduleId}/sale-hold',
    tag: 'admin',
    summary: "Resume a schedule's sale after a hold",
    caller: 'admin',
    params: catalogue.SchedulePath,
    responses: {
      200: json('The schedule is on sale (already, or from now)', ScheduleSaleState),
      404: notFound,
    },
  },
} satisfies Record<string, ApiRoute>;

export type ApiOperation = keyof typeof operations;

/**
 * The public HTTP API, served by the gateway under /api/v1, by operationId: the gateway routes
 * every one and each service mounts its own at `expressPath(apiRoutes.<operationId>)`.
 */
export const apiRoutes: Readonly<Record<ApiOperation, ApiRoute>> = operations;

/** Every documented operation: the public API and each service's infrastructure endpoints. */
export const routes: readonly ApiRoute[] = [...Object.values(apiRoutes), ...healthRoutes];
