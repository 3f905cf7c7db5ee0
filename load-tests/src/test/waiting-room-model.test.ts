import { pollsPerSecond } from '../capacity/poll-load';
import { capacityScenarios } from '../capacity/scenarios';
import { simulateWaitingRoom, type WaitingRoomScenario } from '../capacity/waiting-room-model';

const room: WaitingRoomScenario = {
  name: 'small',
  seed: 1,
  preQueue: 100,
  arrivalsPerSecond: 0,
  arrivalSeconds: 0,
  activeLimit: 10,
  admissionRatePerMinute: 0,
  activeTtlSeconds: 10,
  idleDropSeconds: 60,
  admissionsPerSweep: Infinity,
  seats: Infinity,
  buyShare: 0,
  buySeconds: [5, 5],
  browserLeaveShare: 0,
  browseSeconds: [1, 1],
  tabCloseShare: 0,
  tabCloseWithinSeconds: 1,
  stepSeconds: 1,
  maxSeconds: 300,
};

describe('the waiting-room simulation', () => {
  it('admits the line in active-limit batches, one TTL apart, when nobody buys or leaves', () => {
    const figures = simulateWaitingRoom(room);

    expect(figures).toMatchObject({
      admitted: 100,
      preQueueThroughSeconds: 90,
      drainSeconds: 90,
      waitP50: 50,
      waitP95: 90,
      waitMax: 90,
      slotUtilisation: 1,
      peakAdmissionsPerSecond: 10,
      droppedIdle: 0,
    });
  });

  it('frees a slot when its fan pays, and tells the rest of the line once the seats are gone', () => {
    const figures = simulateWaitingRoom({ ...room, buyShare: 1, seats: 20 });

    expect(figures).toMatchObject({
      admitted: 20,
      bought: 20,
      sellOutSeconds: 10,
      toldSoldOut: 80,
      drainSeconds: 10,
      peakPurchasesPerSecond: 10,
    });
  });

  it('holds back admissions to the rolling minute rate', () => {
    const figures = simulateWaitingRoom({ ...room, activeLimit: 100, admissionRatePerMinute: 30 });

    expect(figures.peakAdmissionsPerSecond).toBe(30);
    expect(figures.drainSeconds).toBe(180);
  });

  it('admits at most the cap in one sweep', () => {
    const figures = simulateWaitingRoom({ ...room, activeLimit: 100, admissionsPerSweep: 25 });

    expect(figures.peakAdmissionsPerSecond).toBe(25);
    expect(figures.drainSeconds).toBe(3);
  });

  it('drops fans gone longer than the idle drop, without giving them a slot', () => {
    const figures = simulateWaitingRoom({
      ...room,
      preQueue: 20,
      activeTtlSeconds: 100,
      idleDropSeconds: 5,
      tabCloseShare: 1,
    });

    expect(figures).toMatchObject({ admitted: 10, droppedIdle: 10, drainSeconds: 100 });
  });

  it('gives the same figures for the same seed', () => {
    const scenario = { ...capacityScenarios[5]!, preQueue: 20_000, arrivalSeconds: 60 };

    expect(simulateWaitingRoom(scenario)).toEqual(simulateWaitingRoom(scenario));
  });
});

describe('the poll load of a paced line', () => {
  it('has the first 50 places poll every second, the next 50 every two, and the rest at the cap', () => {
    expect(pollsPerSecond(50, 60)).toBe(50);
    expect(pollsPerSecond(100, 60)).toBe(75);
    const firstBands = [...Array(18).keys()].reduce((sum, k) => sum + 50 / (k + 1), 0);
    expect(pollsPerSecond(1_000_000, 60)).toBeCloseTo(firstBands + (1_000_000 - 900) / 19, 6);
  });
});
