import { eventually } from '@headliner/testing';
import { ADMIN, startSystem, type System } from '@headliner/system';
import { createSchedule, Fan, fans } from './support/gateway-client';
import { expectInvariants } from './support/invariants';

const lapseSeconds = 6;
const sweepIntervalMs = 500;
// The stated bound: two sweep intervals after the later of the lapse and the loss (one for a
// service to assert the scheduler again, one for the sweep to come round). The slack is for the
// release's way through Kafka to the catalogue and for a loaded test machine.
const boundMs = 2 * sweepIntervalMs + 4_000;

describe('when Redis loses all its data in the middle of a sale', () => {
  let system: System;
  let admin: Fan;

  beforeAll(async () => {
    system = await startSystem({
      ACTIVE_LIMIT: '2',
      ACTIVE_TTL_SECONDS: String(lapseSeconds),
      HOLD_TTL_SECONDS: String(lapseSeconds),
      PAYMENT_TIMEOUT_SECONDS: String(lapseSeconds),
      SWEEP_INTERVAL_MS: String(sweepIntervalMs),
      EXPIRY_SWEEP_INTERVAL_MS: String(sweepIntervalMs),
      PAYMENT_WAIT_MS: '1000',
    });
    admin = await new Fan(system.gatewayUrl, ADMIN.username, ADMIN.password).logIn();
  });

  afterAll(async () => {
    await system?.stop();
  });

  /** Milliseconds from `lapsedAt` until `read` answers what `isDone` waits for; Infinity if never. */
  async function latencyAfter<T>(
    lapsedAt: number,
    read: () => Promise<T>,
    isDone: (value: T) => boolean,
  ): Promise<number> {
    const value = await eventually(read, isDone, lapsedAt - Date.now() + boundMs + 5_000);
    return isDone(value) ? Date.now() - lapsedAt : Number.POSITIVE_INFINITY;
  }

  it('expires tokens, releases lapsed holds and times out unanswered payments again', async () => {
    const { scheduleId, seats } = await createSchedule(admin, 2, 40_000);
    const [holder, payer, idle, alsoIdle, waiter] = (await fans(system.gatewayUrl, 5, 'flush')) as [
      Fan,
      Fan,
      Fan,
      Fan,
      Fan,
    ];
    await payer.charge(100_000);
    await waiter.charge(100_000);
    await system.kill('wallet');

    await Promise.all([holder.takeQueueToken(scheduleId), payer.takeQueueToken(scheduleId)]);
    const abandonedHold = await holder.hold(scheduleId, seats[0]!.seatId);
    expect(abandonedHold.status).toBe(201);
    const paidHold = await payer.hold(scheduleId, seats[1]!.seatId);
    expect(paidHold.status).toBe(201);
    const requestedAt = Date.now();
    expect((await payer.pay(paidHold.body.reservationId)).status).toBe(202);

    await system.loseRedisData();

    const reservation = (fan: Fan, id: string) => fan.call('GET', `/api/v1/reservations/${id}`);
    // Nothing lapsed before the data went: what follows is the sweeps' work after the loss.
    expect((await reservation(holder, abandonedHold.body.reservationId)).body.status).toBe('HELD');
    expect((await reservation(payer, paidHold.body.reservationId)).body.status).toBe('HELD');
    // What a fan sees: the waiting room forgot every token, so the app enters the queue again.
    expect((await payer.call('GET', '/api/v1/queue/tokens/current')).status).toBe(404);

    const entered = await Promise.all(
      [idle, alsoIdle].map((fan) => fan.takeQueueToken(scheduleId)),
    );
    expect(entered.map((answer) => answer.body.status)).toEqual(['ACTIVE', 'ACTIVE']);
    expect((await waiter.takeQueueToken(scheduleId)).body).toMatchObject({
      status: 'WAITING',
      position: 1,
    });
    const tokensLapseAt = Math.max(...entered.map((answer) => Date.parse(answer.body.expiresAt)));
    const seatStatus = async (seat: number) =>
      (await admin.call('GET', `/api/v1/schedules/${scheduleId}/seats`)).body.seats[seat].status;

    const timingOut = latencyAfter(
      requestedAt + lapseSeconds * 1000,
      async () => (await reservation(payer, paidHold.body.reservationId)).body.status,
      (status) => status === 'CANCELLED',
    );
    // Back once the payment has timed out, in time for the fan about to be admitted.
    const walletBack = timingOut.then(() => system.restart('wallet'));
    const [admission, release, timeOut] = await Promise.all([
      latencyAfter(
        tokensLapseAt,
        () => waiter.call('GET', '/api/v1/queue/tokens/current'),
        (answer) => answer.body?.status === 'ACTIVE',
      ),
      latencyAfter(
        Date.parse(abandonedHold.body.expiresAt),
        () => seatStatus(0),
        (status) => status === 'AVAILABLE',
      ),
      timingOut,
    ]);
    const late = Object.entries({ admission, release, timeOut }).filter(([, ms]) => ms > boundMs);
    expect(late).toEqual([]);

    // The sale goes on: the admitted fan buys the seat the abandoned hold gave back.
    await walletBack;
    const hold = await waiter.hold(scheduleId, seats[0]!.seatId);
    expect(hold.status).toBe(201);
    expect([200, 202]).toContain((await waiter.pay(hold.body.reservationId)).status);
    const bought = await eventually(
      async () => (await reservation(waiter, hold.body.reservationId)).body.status,
      (status) => status === 'CONFIRMED',
      30_000,
    );
    expect(bought).toBe('CONFIRMED');
    expect((await payer.call('GET', '/api/v1/wallet')).body.balance).toBe(100_000);
    await expectInvariants(system);
  });
});
