import type { WaitingRoomScenario } from './waiting-room-model';

/**
 * How fans behave, assumed rather than measured (no production traffic exists): 70 % of admitted
 * fans buy, in 20-90 s (seat map, hold, pay); half of the rest leave within 10-120 s, the others
 * sit until the TTL; 20 % of the line closes the tab within its first 10 minutes.
 */
const fans = {
  seed: 16,
  buyShare: 0.7,
  buySeconds: [20, 90] as [number, number],
  browserLeaveShare: 0.5,
  browseSeconds: [10, 120] as [number, number],
  tabCloseShare: 0.2,
  tabCloseWithinSeconds: 600,
  activeTtlSeconds: 300,
  idleDropSeconds: 60,
  admissionsPerSweep: Infinity,
  stepSeconds: 0.1,
};

/** 1,000,000 fans in the pre-queue at opensAt, then 100 more a second for 30 minutes. */
const oneMillion = { preQueue: 1_000_000, arrivalsPerSecond: 100, arrivalSeconds: 1800 };

const scenario = (
  name: string,
  activeLimit: number,
  seats: number,
  admissionRatePerMinute = 0,
): WaitingRoomScenario => ({
  name,
  ...fans,
  ...oneMillion,
  activeLimit,
  admissionRatePerMinute,
  seats,
  maxSeconds: 7200,
});

/**
 * One of `shards` sub-rooms the sale would be split into (a proposed change: each fan's room by a
 * hash of the user, each on its own Redis shard), each sweep admitting at most `perSweep` fans.
 */
function subRoom(
  whole: WaitingRoomScenario,
  shards: number,
  perSweep: number,
): WaitingRoomScenario {
  return {
    ...whole,
    name: `one of ${shards} sub-rooms of "${whole.name}", ${perSweep.toLocaleString('en-GB')} a sweep`,
    preQueue: whole.preQueue / shards,
    arrivalsPerSecond: whole.arrivalsPerSecond / shards,
    activeLimit: whole.activeLimit / shards,
    seats: whole.seats / shards,
    admissionsPerSweep: perSweep,
  };
}

export const capacityScenarios: WaitingRoomScenario[] = [
  scenario('defaults: limit 50, endless seats', 50, Infinity),
  scenario('limit 1,000,000 (everyone at once), endless seats', 1_000_000, Infinity),
  scenario('limit 300,000, endless seats', 300_000, Infinity),
  scenario('limit 100,000, endless seats', 100_000, Infinity),
  scenario('limit 1,000,000 + 300,000 a minute, endless seats', 1_000_000, Infinity, 300_000),
  scenario('limit 100,000, 60,000-seat stadium', 100_000, 60_000),
  scenario('limit 20,000, 60,000-seat stadium', 20_000, 60_000),
  {
    ...scenario('limit 20,000, idle drop 180 s, 60,000 seats', 20_000, 60_000),
    idleDropSeconds: 180,
  },
  subRoom(
    scenario('limit 1,000,000 (everyone at once), endless seats', 1_000_000, Infinity),
    16,
    1000,
  ),
  subRoom(scenario('limit 300,000, endless seats', 300_000, Infinity), 16, 1000),
  subRoom(scenario('limit 100,000, 60,000-seat stadium', 100_000, 60_000), 16, 1000),
];
