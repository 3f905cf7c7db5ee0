import { ADMIN, startSystem, type System } from '@headliner/system';
import { createSchedule, Fan, fans } from './support/gateway-client';
import { expectInvariants } from './support/invariants';

describe('when fans race for the same seats through the gateway', () => {
  let system: System;
  let admin: Fan;

  beforeAll(async () => {
    // Everyone is admitted at once here: the race is for seats, not for the waiting room. This
    // file proves who wins, not how fast: on the 2-core test machine a few of 1,000 simultaneous
    // holds outlast the gateway's default 6 s upstream timeout (latency is the k6 suite's job).
    system = await startSystem({ ACTIVE_LIMIT: '2000', UPSTREAM_TIMEOUT_MS: '30000' });
    admin = await new Fan(system.gatewayUrl, ADMIN.username, ADMIN.password).logIn();
  });

  afterAll(async () => {
    await system?.stop();
  });

  async function admitted(count: number, label: string, scheduleId: string) {
    const crowd = await fans(system.gatewayUrl, count, label);
    await Promise.all(crowd.map((fan) => fan.joinQueue(scheduleId)));
    await Promise.all(crowd.map((fan) => fan.waitUntilActive()));
    return crowd;
  }

  it('gives one seat to exactly one of 200 fans', async () => {
    const { scheduleId, seats } = await createSchedule(admin, 1);
    const crowd = await admitted(200, 'one', scheduleId);
    const seatId = seats[0]!.seatId;

    const answers = await Promise.all(crowd.map((fan) => fan.hold(scheduleId, seatId)));

    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 409)).toHaveLength(199);
    await expectInvariants(system);
  });

  it('gives 500 seats to exactly one fan of each contending pair', async () => {
    const { scheduleId, seats } = await createSchedule(admin, 500);
    const crowd = await admitted(1000, 'pair', scheduleId);

    const answers = await Promise.all(
      crowd.map((fan, i) => fan.hold(scheduleId, seats[Math.floor(i / 2)]!.seatId)),
    );

    const statuses = answers.reduce<Record<number, number>>((count, answer) => {
      count[answer.status] = (count[answer.status] ?? 0) + 1;
      return count;
    }, {});
    expect(statuses).toEqual({ 201: 500, 409: 500 });
    const winnersPerSeat = new Map<string, number>();
    answers.forEach((answer, i) => {
      if (answer.status !== 201) return;
      const seatId = seats[Math.floor(i / 2)]!.seatId;
      winnersPerSeat.set(seatId, (winnersPerSeat.get(seatId) ?? 0) + 1);
    });
    expect(winnersPerSeat.size).toBe(500);
    expect([...winnersPerSeat.values()].every((winners) => winners === 1)).toBe(true);
    await expectInvariants(system);
  });
});
