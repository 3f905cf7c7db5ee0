// The scenarios of the bench, at full size and as a smoke. Each names its k6 script, the service
// configuration it needs on top of the load-test base, how many fans (users user1…) it uses, and
// whether the runner signs them in beforehand (SESSIONS_FILE) or the script signs in itself.

export type Size = 'full' | 'smoke';

export interface Scenario {
  /** Names its files in the results folder. */
  name: string;
  script: string;
  /** Service environment on top of the load-test base (see system-under-test.ts). */
  system: Record<string, string>;
  fans: Record<Size, number>;
  /** The runner signs the fans in and hands their tokens over in SESSIONS_FILE. */
  sessions: boolean;
  /** Seats per schedule the full run needs (10 concerts × 5 schedules are seeded). */
  seatsPerSchedule?: number;
  /** What else the full run's seed differs in (the smoke shares one seeded system). */
  seed?: { scryptCost?: number; scryptParallelism?: number };
  k6: Record<Size, Record<string, string>>;
  /** Crossing a threshold is how the run ends (stress), not a failure. */
  endsByCrossing?: boolean;
  /**
   * An on-sale: the script prints a line per fan, from which the runner reads the fairness of the
   * admissions, and k6's ceiling is measured first with this probe env (src/on-sale/).
   */
  onSale?: { ceilingProbe: Record<Size, Record<string, string>> };
  /**
   * The hot paths beside their ceilings: the runner captures each path's answer, serves it from a
   * bare Node server and reads each path's share of it from the summary (src/ceilings/).
   */
  ceilings?: true;
}

/**
 * k6 is Go, and with thousands of VUs (a JavaScript runtime each) its collector took more CPU than
 * the requests: against a server that does nothing, the 3,000-VU spike's p95 was 392 ms with Go's
 * default GC and 13 ms without it. So the many-VU scenarios collect only near a 4 GiB heap. The
 * fast 100-VU reads stay on the default: there, never reusing memory cost more in page faults
 * (cached seat map 2,877-3,137 req/s against 3,379-3,510). See PROFILING.md.
 */
/** The door's difficulty for load tests: 5,000 hashes a fan on average (README: bot defence). */
export const LOAD_TEST_CHALLENGE_DIFFICULTY = '10000';
/**
 * Rooms with their door on, for the scenarios whose fans join once a booking (one proof each).
 * The token spike and stress ask for a token thousands of times a second from k6 on the same two
 * cores, where a proof costs a VU ~19 ms of CPU (k6/crypto: 266,000 hashes a second): there the
 * door stays at 0, as a room without one, or k6 would measure its own hashing.
 */
const doorOn = { QUEUE_CHALLENGE_DIFFICULTY: LOAD_TEST_CHALLENGE_DIFFICULTY };
/**
 * The journey's door: every join still asks for a challenge and has its proof checked (the
 * servers' whole cost of the door, which does not depend on the difficulty), but the proof is a
 * hash or two. At 10,000, the 1,000 fans' proofs were ~19 s of k6's CPU within the 30 s ramp, on
 * the cores the services run on: p95 122-300 ms against 29-31 ms at 1 (`npm run bench -- journey`,
 * 2026-12-07, PROFILING.md). A fan's own device solves it at a real sale; `door` measures it.
 */
const doorWithoutClientWork = { QUEUE_CHALLENGE_DIFFICULTY: '1' };

/**
 * The gateway's own password-hash parameters (scrypt N=2^15 r=8 p=3, README: Sign-in and tokens),
 * for the gateway and the seeded fans alike, where every other scenario hashes at N=2^10.
 */
const productionHashes = { scryptCost: 32768, scryptParallelism: 3 };

const manyVusGc = { GOGC: 'off', GOMEMLIMIT: '4GiB' };
const shortSpike = { RAMP_UP: '1s', HOLD: '2s', RAMP_DOWN: '1s' };
const catalogueRead = (cache: 'on' | 'off', full: Record<string, string>): Scenario => ({
  name: `catalogue-read-cache-${cache}`,
  script: 'catalogue-read.js',
  system: { CATALOGUE_CACHE: cache },
  fans: { full: 0, smoke: 0 },
  sessions: false,
  k6: { full: { VUS: '100', ITERATIONS: '1000', ...full }, smoke: { VUS: '2', ITERATIONS: '20' } },
});

export const scenarios: readonly Scenario[] = [
  {
    name: 'token-spike',
    script: 'token-spike.js',
    system: { ACTIVE_LIMIT: '50' },
    fans: { full: 300, smoke: 3 },
    sessions: true,
    k6: { full: { SPIKE_VUS: '300' }, smoke: { SPIKE_VUS: '3', ...shortSpike } },
  },
  {
    name: 'token-spike-3000',
    script: 'token-spike.js',
    system: { ACTIVE_LIMIT: '50' },
    fans: { full: 3000, smoke: 5 },
    sessions: true,
    k6: {
      full: { SPIKE_VUS: '3000', P95_MS: '100', ...manyVusGc },
      smoke: { SPIKE_VUS: '5', P95_MS: '100', ...shortSpike },
    },
  },
  {
    name: 'peak-booking',
    script: 'peak-booking.js',
    system: { ACTIVE_LIMIT: '50', ...doorOn },
    fans: { full: 50, smoke: 3 },
    sessions: true,
    seatsPerSchedule: 1000,
    k6: {
      full: { VUS: '50', DURATION: '10s' },
      smoke: { VUS: '3', DURATION: '3s', CONCERT_INDEX: '0' },
    },
  },
  {
    name: 'journey',
    script: 'journey.js',
    // Enough active slots that 1,000 fans arriving over 30 s get through in bounded time.
    system: { ACTIVE_LIMIT: '200', ...doorWithoutClientWork },
    fans: { full: 1000, smoke: 4 },
    sessions: false,
    seatsPerSchedule: 200,
    k6: {
      full: { VUS: '1000', RAMP: '30s', ...manyVusGc },
      smoke: { VUS: '4', RAMP: '1s', CONCERT_INDEX: '1' },
    },
  },
  {
    name: 'charge-balance',
    script: 'charge-balance.js',
    system: {},
    fans: { full: 100, smoke: 3 },
    sessions: true,
    k6: {
      full: { VUS: '100', DURATION: '30s' },
      smoke: { VUS: '3', DURATION: '3s', THINK: '0.3', REPLAY_EVERY: '2' },
    },
  },
  {
    name: 'door',
    script: 'door.js',
    // What a VU of k6 solves in well under a second (k6/crypto: 266,000+ hashes a second).
    system: doorOn,
    fans: { full: 100, smoke: 3 },
    sessions: true,
    k6: { full: { VUS: '100' }, smoke: { VUS: '3', CONCERT_INDEX: '3' } },
  },
  {
    name: 'on-sale',
    script: 'on-sale.js',
    system: {},
    fans: { full: 3000, smoke: 6 },
    sessions: true,
    seatsPerSchedule: 300,
    k6: {
      full: {
        FANS: '3000',
        SEATS: '300',
        PRE_QUEUE: '2700',
        CHALLENGE_DIFFICULTY: LOAD_TEST_CHALLENGE_DIFFICULTY,
        ...manyVusGc,
      },
      smoke: {
        FANS: '6',
        // The smoke seeds 100 seats a schedule: every fan buys one, nobody meets a sell-out.
        SEATS: '100',
        PRE_QUEUE: '4',
        PRE_QUEUE_SECONDS: '3',
        LATE_SECONDS: '2',
        OPEN_GAP_SECONDS: '2',
        ADMIT_WITHIN_SECONDS: '60',
        CHALLENGE_DIFFICULTY: LOAD_TEST_CHALLENGE_DIFFICULTY,
        CONCERT_INDEX: '4',
      },
    },
    onSale: {
      ceilingProbe: {
        full: { SPIKE_VUS: '3000', ...manyVusGc },
        smoke: { SPIKE_VUS: '5', RAMP_UP: '1s', HOLD: '2s', RAMP_DOWN: '1s' },
      },
    },
  },
  {
    name: 'ceilings',
    script: 'ceilings.js',
    // Every fan admitted at once; holds are released straight away, so the default hold limit holds.
    // The fans' tokens are admitted before k6 and must outlive its schedule (5 paths × 3 sides × 2
    // rounds × 11 s = 330 s), which the default 300 s did not: the last holds met "expired".
    system: { ACTIVE_LIMIT: '1000', ACTIVE_TTL_SECONDS: '900' },
    fans: { full: 100, smoke: 2 },
    sessions: true,
    ceilings: true,
    k6: {
      full: { VUS: '100', DURATION: '10s', ROUNDS: '2' },
      // A concert no other smoke scenario holds seats of.
      smoke: { VUS: '2', DURATION: '1s', ROUNDS: '1', GAP: '0.5s', CONCERT_INDEX: '9' },
    },
  },
  {
    name: 'login-storm',
    script: 'login-storm.js',
    system: {
      PASSWORD_SCRYPT_COST: String(productionHashes.scryptCost),
      PASSWORD_SCRYPT_PARALLELISM: String(productionHashes.scryptParallelism),
      // The gateway's default, which the fresh systems of the tests raise for their cheap hashes.
      PASSWORD_HASHES_IN_FLIGHT: process.env.PASSWORD_HASHES_IN_FLIGHT ?? '4',
    },
    fans: { full: 1000, smoke: 4 },
    sessions: false,
    seed: productionHashes,
    k6: {
      // LOGIN_STORM_FANS and LOGIN_STORM_ARRIVAL make a smaller storm, to compare settings.
      full: {
        FANS: process.env.LOGIN_STORM_FANS ?? '1000',
        ARRIVAL: process.env.LOGIN_STORM_ARRIVAL ?? '10s',
        ...manyVusGc,
      },
      smoke: { FANS: '4', ARRIVAL: '1s', GIVE_UP: '20' },
    },
  },
  {
    name: 'peer-loop',
    script: 'peer-loop.js',
    // Every VU's token is admitted at once: the peer's loop has no waiting in line.
    system: { ACTIVE_LIMIT: '1000' },
    fans: { full: 100, smoke: 2 },
    sessions: true,
    k6: {
      full: { VUS: '100', DURATION: '110s' },
      smoke: { VUS: '2', DURATION: '5s', CONCERT_INDEX: '6' },
    },
  },
  catalogueRead('off', {}),
  catalogueRead('on', { MIN_RPS: '3000' }),
  {
    name: 'stress',
    script: 'stress.js',
    system: {},
    fans: { full: 1500, smoke: 4 },
    sessions: true,
    endsByCrossing: true,
    k6: {
      full: { STEP_VUS: '100', STEPS: '15' },
      smoke: { STEP_VUS: '2', STEPS: '2', STEP_RAMP: '1s', STEP_HOLD: '2s' },
    },
  },
  {
    name: 'soak',
    script: 'soak.js',
    system: doorOn,
    fans: { full: 50, smoke: 3 },
    sessions: true,
    seatsPerSchedule: 1000,
    k6: {
      full: { VUS: '50', DURATION: process.env.SOAK_DURATION ?? '10m' },
      smoke: { VUS: '3', DURATION: '10s', BOOK_EVERY: '1', THINK: '0.5', CONCERT_INDEX: '2' },
    },
  },
];

/** A name picks that scenario; "catalogue-read" picks both cache settings. */
function picks(name: string, scenario: Scenario): boolean {
  return scenario.name === name || scenario.name.startsWith(`${name}-cache-`);
}

export function scenariosNamed(names: readonly string[]): Scenario[] {
  if (names.length === 0) return [...scenarios];
  const unknown = names.filter((name) => !scenarios.some((scenario) => picks(name, scenario)));
  if (unknown.length > 0) {
    const known = scenarios.map((scenario) => scenario.name).join(', ');
    throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${known}`);
  }
  return scenarios.filter((scenario) => names.some((name) => picks(name, scenario)));
}
