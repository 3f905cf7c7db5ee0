import { pollsPerSecond } from './poll-load';
import { measuredRoomRedisCosts, type RoomRedisCosts } from './room-redis-costs';
import { seededRandom } from './seeded-random';

/** One sale's waiting room and its fans; times in seconds from opensAt. */
export interface WaitingRoomScenario {
  name: string;
  seed: number;
  /** Fans in the pre-queue at opensAt (drawn into the line in random order). */
  preQueue: number;
  /** Fans joining each second after opensAt, for arrivalSeconds. */
  arrivalsPerSecond: number;
  arrivalSeconds: number;
  activeLimit: number;
  /** 0: no rate, only the active limit (the queue's ADMISSION_RATE_PER_MINUTE, a rolling minute). */
  admissionRatePerMinute: number;
  activeTtlSeconds: number;
  idleDropSeconds: number;
  /**
   * Most fans one sweep (one a second) admits; Infinity: every free slot, as the queue's sweep
   * does today. A cap is a proposed change (k8s/SCALING.md), bounding the longest script.
   */
  admissionsPerSweep: number;
  /** Infinity: the sale never sells out. */
  seats: number;
  /** Share of admitted fans (who are still there) who hold a seat and pay. */
  buyShare: number;
  /** From admission to paid, uniform; a buyer slower than the active TTL lapses. */
  buySeconds: [number, number];
  /** Share of the other admitted fans who leave (freeing the slot) after browseSeconds; the rest lapse at the TTL. */
  browserLeaveShare: number;
  browseSeconds: [number, number];
  /** Share of fans who close the tab while in line, at a uniform time within tabCloseWithinSeconds of joining. */
  tabCloseShare: number;
  tabCloseWithinSeconds: number;
  stepSeconds: number;
  maxSeconds: number;
}

export interface WaitingRoomFigures {
  name: string;
  fans: number;
  admitted: number;
  /** Admitted after closing the tab but within the idle drop: a slot held to the TTL for nobody. */
  admittedGone: number;
  droppedIdle: number;
  /** Still in line (or joining) when the last seat sold: told sold out. */
  toldSoldOut: number;
  bought: number;
  lapsedBuying: number;
  /** Seconds from opensAt until the line is empty and no fan will join again; null: not within maxSeconds. */
  drainSeconds: number | null;
  /** Seconds from opensAt until the last fan of the pre-queue left the line; null: not within maxSeconds. */
  preQueueThroughSeconds: number | null;
  sellOutSeconds: number | null;
  /** Seconds in line of admitted fans, from opensAt or their later arrival. */
  waitP50: number;
  waitP95: number;
  waitMax: number;
  /** Mean share of the active limit in use while fans were waiting; null: nobody ever waited. */
  slotUtilisation: number | null;
  peakAdmissionsPerSecond: number;
  /** Admissions a second until the pre-queue was through (0: not within maxSeconds). */
  meanAdmissionsPerSecond: number;
  peakPurchasesPerSecond: number;
  peakLine: number;
  /** Polls a second from the line at its longest, with the queue's pacing. */
  peakPollsPerSecond: number;
  /**
   * The room's Redis CPU in its busiest second, in seconds a second (above 1, one Redis shard, one
   * thread, cannot keep up): polls, joins, admissions and one verify per hold.
   */
  peakRedisBusy: number;
  /**
   * The longest single script, seconds: the sweep (once a second) admits every freed slot in one
   * atomic step, and the first one after opensAt draws the whole pre-queue too. Redis runs
   * nothing else meanwhile.
   */
  longestScriptSeconds: number;
}

/** Typed arrays read and added to by index (never out of range here). */
const at = (array: ArrayLike<number>, index: number): number => array[index] ?? 0;
function add(array: Float64Array | Int32Array, index: number, by: number): void {
  array[index] = at(array, index) + by;
}

const uniform = (random: () => number, [low, high]: [number, number]) =>
  low + (high - low) * random();

function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  return at(sorted, Math.min(sorted.length - 1, Math.floor(q * sorted.length)));
}

/**
 * Steps the room in stepSeconds as the queue's scripts do: the line served strictly in order while
 * a slot is free under the active limit and the rolling minute's rate allows; a fan at the head
 * who closed the tab more than the idle drop ago is dropped without taking a slot, one who closed
 * it more recently is admitted and holds the slot to the TTL.
 */
export function simulateWaitingRoom(
  scenario: WaitingRoomScenario,
  costs: RoomRedisCosts = measuredRoomRedisCosts,
): WaitingRoomFigures {
  const s = scenario;
  const random = seededRandom(s.seed);
  const steps = Math.ceil(s.maxSeconds / s.stepSeconds);
  const stepOf = (seconds: number) => Math.min(steps, Math.ceil(seconds / s.stepSeconds));
  const stepsPerSecond = Math.round(1 / s.stepSeconds);
  const fans = s.preQueue + Math.round(s.arrivalsPerSecond * s.arrivalSeconds);

  const joinAt = new Float64Array(fans);
  const closeAt = new Float64Array(fans).fill(Infinity);
  for (let fan = 0; fan < fans; fan += 1) {
    joinAt[fan] = fan < s.preQueue ? 0 : (fan - s.preQueue + 1) / s.arrivalsPerSecond;
    if (random() < s.tabCloseShare)
      closeAt[fan] = at(joinAt, fan) + s.tabCloseWithinSeconds * random();
  }

  const releases = new Int32Array(steps + 1);
  // Tabs closing in each step, less those of fans already out of the line by then.
  const closes = new Int32Array(steps + 1);
  for (let fan = 0; fan < fans; fan += 1)
    if (at(closeAt, fan) < Infinity) add(closes, stepOf(at(closeAt, fan)), 1);
  const purchases = new Int32Array(steps + 1);
  const admittedInStep = new Int32Array(steps + 1);
  const admissionsPerSecond = new Float64Array(Math.ceil(s.maxSeconds) + 1);
  const purchasesPerSecond = new Float64Array(Math.ceil(s.maxSeconds) + 1);
  const waits = new Float64Array(fans);
  const windowSteps = Math.round(60 / s.stepSeconds);
  const rateCap = s.admissionRatePerMinute > 0 ? s.admissionRatePerMinute : Infinity;

  let goneInLine = 0;
  let arrived = 0;
  let head = 0;
  let active = 0;
  let admittedInWindow = 0;
  let admitted = 0;
  let admittedGone = 0;
  let droppedIdle = 0;
  let toldSoldOut = 0;
  let bought = 0;
  let lapsedBuying = 0;
  let sold = 0;
  let sellOutSeconds: number | null = null;
  let drainSeconds: number | null = null;
  let preQueueThroughSeconds: number | null = null;
  let admissionsTotal = 0;
  let meanAdmissionsPerSecond = 0;
  let utilisationSum = 0;
  let waitingSteps = 0;
  let peakLine = 0;
  let peakPollsPerSecond = 0;
  let peakRedisBusy = 0;
  let longestScriptSeconds = 0;

  for (let step = 0; step <= steps; step += 1) {
    const now = step * s.stepSeconds;
    const second = Math.floor(now);
    while (arrived < fans && at(joinAt, arrived) <= now) arrived += 1;

    active -= at(releases, step);
    goneInLine += at(closes, step);
    if (sellOutSeconds === null && at(purchases, step) > 0) {
      const sale = Math.min(at(purchases, step), s.seats - sold);
      sold += sale;
      bought += sale;
      if (sold >= s.seats) sellOutSeconds = now;
    }
    add(purchasesPerSecond, second, at(purchases, step));
    if (step >= windowSteps) admittedInWindow -= at(admittedInStep, step - windowSteps);

    if (sellOutSeconds !== null) {
      // Every fan in line, and every later one at the join, hears the sale is sold out.
      toldSoldOut += fans - head;
      head = fans;
      arrived = fans;
      goneInLine = 0;
    }

    while (
      head < arrived &&
      active < s.activeLimit &&
      admittedInWindow < rateCap &&
      at(admissionsPerSecond, second) < s.admissionsPerSweep
    ) {
      const fan = head;
      head += 1;
      if (at(closeAt, fan) <= now) goneInLine -= 1;
      else if (at(closeAt, fan) < Infinity) add(closes, stepOf(at(closeAt, fan)), -1);
      if (at(closeAt, fan) + s.idleDropSeconds <= now) {
        droppedIdle += 1;
        continue;
      }
      active += 1;
      admittedInWindow += 1;
      add(admittedInStep, step, 1);
      admissionsTotal += 1;
      add(admissionsPerSecond, second, 1);
      if (at(closeAt, fan) <= now) {
        admittedGone += 1;
        add(releases, stepOf(now + s.activeTtlSeconds), 1);
        continue;
      }
      waits[admitted] = now - at(joinAt, fan);
      admitted += 1;
      if (random() < s.buyShare) {
        const paidAfter = uniform(random, s.buySeconds);
        if (paidAfter >= s.activeTtlSeconds) {
          lapsedBuying += 1;
          add(releases, stepOf(now + s.activeTtlSeconds), 1);
        } else {
          add(releases, stepOf(now + paidAfter), 1);
          add(purchases, stepOf(now + paidAfter), 1);
        }
      } else {
        const leavesAfter =
          random() < s.browserLeaveShare ? uniform(random, s.browseSeconds) : s.activeTtlSeconds;
        add(releases, stepOf(now + Math.min(leavesAfter, s.activeTtlSeconds)), 1);
      }
    }

    const line = arrived - head;
    if (line > 0) {
      utilisationSum += active / s.activeLimit;
      waitingSteps += 1;
    }
    if (step % stepsPerSecond === 0) {
      // Fans gone from the tab stop polling; the sweep drops them after the idle drop.
      const polls = pollsPerSecond(line - goneInLine, s.idleDropSeconds);
      const joins = fans > s.preQueue && now < s.arrivalSeconds ? s.arrivalsPerSecond : 0;
      peakLine = Math.max(peakLine, line);
      peakPollsPerSecond = Math.max(peakPollsPerSecond, polls);
      if (second > 0) {
        const admissions = at(admissionsPerSecond, second - 1);
        const micros =
          polls * costs.poll +
          joins * costs.join +
          at(purchasesPerSecond, second - 1) * costs.verify +
          admissions * costs.admitPerFan;
        peakRedisBusy = Math.max(peakRedisBusy, micros / 1e6);
        const draw = second === 1 ? s.preQueue * costs.drawPerToken : 0;
        longestScriptSeconds = Math.max(
          longestScriptSeconds,
          (draw + admissions * costs.admitPerFan) / 1e6,
        );
      }
    }
    if (preQueueThroughSeconds === null && head >= s.preQueue) {
      preQueueThroughSeconds = now;
      meanAdmissionsPerSecond = admissionsTotal / Math.max(now, 1);
    }
    if (drainSeconds === null && arrived === fans && head === fans) drainSeconds = now;
  }

  const admittedWaits = waits.slice(0, admitted).sort();
  return {
    name: s.name,
    fans,
    admitted,
    admittedGone,
    droppedIdle,
    toldSoldOut,
    bought,
    lapsedBuying,
    drainSeconds,
    preQueueThroughSeconds,
    sellOutSeconds,
    waitP50: quantile(admittedWaits, 0.5),
    waitP95: quantile(admittedWaits, 0.95),
    waitMax: admitted > 0 ? at(admittedWaits, admitted - 1) : 0,
    slotUtilisation: waitingSteps > 0 ? utilisationSum / waitingSteps : null,
    peakAdmissionsPerSecond: admissionsPerSecond.reduce((a, b) => Math.max(a, b), 0),
    meanAdmissionsPerSecond,
    peakPurchasesPerSecond: purchasesPerSecond.reduce((a, b) => Math.max(a, b), 0),
    peakLine,
    peakPollsPerSecond,
    peakRedisBusy,
    longestScriptSeconds,
  };
}
