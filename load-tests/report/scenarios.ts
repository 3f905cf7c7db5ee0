// The scenarios of the load-test issue, in the order the report shows them, each described at
// full size (a smoke run uses a few VUs; the report says how many ran). A run may hold only some
// of them; files for any other scenario are reported after these.
export const knownScenarios = [
  {
    name: 'token-spike',
    what: 'Fans arrive in 2 s, stay 5 s and leave in 2 s, each taking a queue token (full size: 300 VUs).',
  },
  { name: 'token-spike-3000', what: 'The token spike at 3,000 VUs.' },
  {
    name: 'peak-booking',
    what: 'Every active user (the active limit’s worth) holds a distinct seat and pays at once.',
  },
  {
    name: 'journey',
    what:
      'Fans sign in, list concerts, schedules and seats, take a queue token, wait until active, ' +
      'hold a seat and pay, then read the balance; pairs contend for each seat (full size: 1,000 VUs).',
  },
  { name: 'charge-balance', what: 'Fans charge wallets and read balances (full size: 100 VUs).' },
  {
    name: 'door',
    what:
      "Fans ask a schedule's proof-of-work challenge, solve it in k6 and join its room; a wrong " +
      'number and a spent proof are refused (full size: 100 VUs).',
  },
  {
    name: 'on-sale',
    what:
      "An on-sale moment: 3,000 fans want one schedule's 300 seats; 2,700 join its room's " +
      'pre-queue before it opens, 300 after; each solves the door, waits as paced, picks a free ' +
      'seat, holds and pays.',
  },
  {
    name: 'ceilings',
    what:
      'Each hot path (cached seat map, token issue, token poll, balance read, hold) with the same ' +
      'k6 shape against the system and against a bare Node server answering its bytes (100 VUs, ' +
      'no pause, 10 s a side, twice).',
  },
  {
    name: 'login-storm',
    what:
      'Fans arrive within 10 s and sign in at the real password-hash cost, retrying as ' +
      'Retry-After says when the gateway is busy, then refresh their session (full size: 1,000).',
  },
  {
    name: 'peer-loop',
    what:
      'The peer’s closed loop: queue token, poll, concerts, seat map, hold, charge, pay, with ' +
      'no think time (full size: 100 VUs for 110 s).',
  },
  {
    name: 'catalogue-read-cache-off',
    what: 'Seat-map reads with the seat-map cache switched off (full size: 100 VUs × 1,000).',
  },
  {
    name: 'catalogue-read-cache-on',
    what: 'Seat-map reads with the seat-map cache switched on (full size: 100 VUs × 1,000).',
  },
  { name: 'stress', what: 'VUs climb in steps until p95 > 1 s or failures > 1 %.' },
  {
    name: 'soak',
    what: 'A steady mixed load for a long while (default 10 minutes), watching for drift.',
  },
] as const;

export type KnownScenarioName = (typeof knownScenarios)[number]['name'];

export function describeScenario(name: string): string | undefined {
  return knownScenarios.find((scenario) => scenario.name === name)?.what;
}
