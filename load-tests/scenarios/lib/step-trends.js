import { Trend } from 'k6/metrics';

// One Trend per step of the fan's journey, named as the reference write-ups named theirs
// (token_response_time, seat_response_time, book_response_time...), so the figures line up.
// Created here, in the init context, because k6 allows new metrics nowhere else.
const trendNames = {
  login: 'login_response_time',
  concerts: 'concert_response_time',
  schedules: 'schedule_response_time',
  seats: 'seat_response_time',
  stats: 'queue_stats_response_time',
  admin: 'admin_response_time',
  challenge: 'challenge_response_time',
  token: 'token_response_time',
  queue_poll: 'queue_poll_response_time',
  leave: 'leave_response_time',
  hold: 'book_response_time',
  pay: 'pay_response_time',
  charge: 'charge_response_time',
  balance: 'balance_response_time',
};

const trends = Object.fromEntries(
  Object.entries(trendNames).map(([step, name]) => [step, new Trend(name, true)]),
);

export function trendOf(step) {
  const trend = trends[step];
  if (!trend) throw new Error(`no Trend for step "${step}"`);
  return trend;
}
