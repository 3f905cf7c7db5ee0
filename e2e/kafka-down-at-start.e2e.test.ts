import { eventually } from '@headliner/testing';
import {
  ADMIN,
  serviceNames,
  startInfrastructure,
  startSystem,
  stopInfrastructure,
  type System,
} from '@headliner/system';
import { createSchedule, Fan } from './support/gateway-client';
import { inDatabase } from './support/in-database';
import { expectInvariants } from './support/invariants';

describe('when Kafka is down as every service starts', () => {
  let system: System | undefined;

  afterAll(async () => {
    await startInfrastructure('kafka');
    await system?.stop();
  });

  it('serves charges, reads, queue tokens and holds, and completes the booking once Kafka is back', async () => {
    await stopInfrastructure('kafka');
    // A payment time-out far beyond the outage: this test is about the booking going through.
    system = await startSystem({ PAYMENT_TIMEOUT_SECONDS: '600' }, { waitFor: 'serving' });
    const live = system;
    for (const service of serviceNames) {
      const probe = await fetch(`${live.serviceUrl(service)}/health/live`);
      expect([service, probe.status]).toEqual([service, 200]);
    }
    for (const service of ['queue', 'concert', 'reservation', 'wallet'] as const) {
      const ready = await fetch(`${live.managementUrl(service)}/health/ready`);
      const body = (await ready.json()) as { status: string; checks: Record<string, string> };
      expect([service, ready.status, body.status]).toEqual([service, 200, 'degraded']);
      expect(body.checks.kafka).toMatch(/^down: (starting|not started)/);
    }

    const admin = await new Fan(live.gatewayUrl, ADMIN.username, ADMIN.password).logIn();
    const { scheduleId, seats } = await createSchedule(admin, 2, 40_000);
    const fan = await new Fan(live.gatewayUrl, 'kafka_down_fan').signUpAndLogIn();
    expect((await fan.charge(100_000)).body).toEqual({ balance: 100_000 });
    expect((await fan.call('GET', '/api/v1/wallet')).body.balance).toBe(100_000);
    const seatMap = await fan.call('GET', `/api/v1/schedules/${scheduleId}/seats`);
    expect(seatMap.body.seats).toHaveLength(2);
    expect((await fan.takeQueueToken(scheduleId)).status).toBe(201);
    await fan.waitUntilActive();
    const hold = await fan.hold(scheduleId, seats[0]!.seatId);
    expect(hold.status).toBe(201);
    const { reservationId } = hold.body;
    // The payment request is kept in the outbox until the broker is back.
    expect((await fan.pay(reservationId)).status).toBe(202);

    await startInfrastructure('kafka');

    const confirmed = await eventually(
      () => fan.call('GET', `/api/v1/reservations/${reservationId}`),
      (answer) => answer.body?.status === 'CONFIRMED',
      90_000,
    );
    expect(confirmed.body.status).toBe('CONFIRMED');
    expect(await paymentStatusesOf(live, reservationId)).toEqual(['COMPLETED']);
    const sold = await eventually(
      () => fan.call('GET', `/api/v1/schedules/${scheduleId}/seats`),
      (answer) => answer.body?.seats?.[0]?.status === 'SOLD',
      30_000,
    );
    expect(sold.body.seats[0].status).toBe('SOLD');
    expect((await fan.call('GET', '/api/v1/wallet')).body.balance).toBe(60_000);
    await expectInvariants(live);
  }, 300_000);
});

async function paymentStatusesOf(system: System, reservationId: string): Promise<string[]> {
  const [rows] = await inDatabase(system, 'reservation', [
    'SELECT status FROM payments WHERE reservation_id = $1',
    [reservationId],
  ]);
  return (rows as { status: string }[]).map((row) => row.status);
}
