import { ADMIN, startSystem, type System } from '@headliner/system';
import { eventually } from '@headliner/testing';
import { activeFan, hold } from './support/booking-steps';
import { createSchedule, Fan } from './support/gateway-client';
import { expectInvariants } from './support/invariants';

// Choice (issue 15, item 5): the slot is for choosing; a hold placed while ACTIVE is the admission
// already spent, and stays payable until it expires whatever becomes of the slot. Making the slot
// last until the holds resolve would keep the next fan out for as long as the slowest payer.
describe("when a fan's active slot ends while they still hold a seat", () => {
  let system: System;
  let admin: Fan;

  beforeAll(async () => {
    system = await startSystem({ ACTIVE_LIMIT: '1' });
    admin = await new Fan(system.gatewayUrl, ADMIN.username, ADMIN.password).logIn();
  });

  afterAll(async () => {
    await system?.stop();
  });

  const statusOf = async (fan: Fan, reservationId: string) =>
    (await fan.call('GET', `/api/v1/reservations/${reservationId}`)).body.status as string;

  it('pays the hold after leaving the waiting room, and the slot went to the next fan at once', async () => {
    const { scheduleId, seats } = await createSchedule(admin, 2, 30_000);
    const fan = await activeFan(system.gatewayUrl, 100_000, scheduleId);
    const reservationId = await hold(fan, scheduleId, seats[0]!.seatId);
    const next = await new Fan(system.gatewayUrl, `next_${Date.now()}`).signUpAndLogIn();
    expect((await next.takeQueueToken(scheduleId)).body.status).toBe('WAITING');

    expect((await fan.call('DELETE', '/api/v1/queue/tokens/current')).status).toBe(204);
    await next.waitUntilActive(10_000);
    const paid = await fan.pay(reservationId);

    expect(paid.status).toBe(200);
    expect(await statusOf(fan, reservationId)).toBe('CONFIRMED');
    expect((await fan.hold(scheduleId, seats[1]!.seatId)).status).toBe(403);
    await expectInvariants(system);
  });

  it('pays a second hold after the first payment ended the slot', async () => {
    const { scheduleId, seats } = await createSchedule(admin, 2, 30_000);
    const fan = await activeFan(system.gatewayUrl, 100_000, scheduleId);
    const first = await hold(fan, scheduleId, seats[0]!.seatId);
    const second = await hold(fan, scheduleId, seats[1]!.seatId);

    expect((await fan.pay(first)).status).toBe(200);
    // reservation.confirmed ends the slot; the second hold does not need it.
    const slot = await eventually(
      () => fan.call('GET', '/api/v1/queue/tokens/current'),
      (answer) => answer.status === 410,
    );
    expect(slot.status).toBe(410);
    expect((await fan.pay(second)).status).toBe(200);
    expect(await statusOf(fan, second)).toBe('CONFIRMED');
    await expectInvariants(system);
  });

  it("refuses a hold of another schedule than the token's room, with 403 other-schedule", async () => {
    const admitted = await createSchedule(admin, 1, 30_000);
    const other = await createSchedule(admin, 1, 30_000);
    const fan = await activeFan(system.gatewayUrl, 0, admitted.scheduleId);

    const refused = await fan.hold(other.scheduleId, other.seats[0]!.seatId);

    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ reason: 'other-schedule' });
    expect((await fan.call('DELETE', '/api/v1/queue/tokens/current')).status).toBe(204);
  });
});
