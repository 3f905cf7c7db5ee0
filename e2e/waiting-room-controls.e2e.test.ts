import { randomUUID } from 'node:crypto';
import { ADMIN, startSystem, type System } from '@headliner/system';
import { createSchedule, Fan, fans } from './support/gateway-client';

const room = '/api/v1/admin/waiting-room';

/** One gauge's value on the queue's /metrics page. */
async function queueGauge(system: System, name: string): Promise<number> {
  const page = await (await fetch(`${system.managementUrl('queue')}/metrics`)).text();
  const line = page.split('\n').find((sample) => sample.startsWith(`${name} `));
  return Number(line?.split(' ')[1]);
}

describe("when an operator uses the waiting room's controls through the gateway", () => {
  let system: System;
  let admin: Fan;
  let fan: Fan;
  let secondFan: Fan;
  let scheduleId: string;

  beforeAll(async () => {
    system = await startSystem({ ACTIVE_LIMIT: '5' });
    admin = await new Fan(system.gatewayUrl, ADMIN.username, ADMIN.password).logIn();
    const label = randomUUID().slice(0, 6);
    fan = await new Fan(system.gatewayUrl, `room_${label}_1`).signUpAndLogIn();
    secondFan = await new Fan(system.gatewayUrl, `room_${label}_2`).signUpAndLogIn();
    ({ scheduleId } = await createSchedule(admin, 1));
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('refuses a fan 403 and a caller without a token 401', async () => {
    expect((await fan.call('POST', `${room}/pause`)).status).toBe(403);
    expect((await fan.call('PATCH', room, { activeLimit: 1 })).status).toBe(403);
    expect((await new Fan(system.gatewayUrl, 'nobody').call('GET', room)).status).toBe(401);
    expect((await admin.call('GET', room)).body).toMatchObject({ activeLimit: 5, paused: false });
  });

  it('names the field of a bad change in a 400 problem', async () => {
    const zero = await admin.call('PATCH', room, { activeLimit: 0 });
    expect(zero.status).toBe(400);
    expect(zero.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'body.activeLimit',
    ]);
  });

  it('pauses: a new fan waits even with free slots; resuming admits them', async () => {
    const paused = await admin.call('POST', `${room}/pause`);
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ paused: true, active: 0, updatedBy: admin.userId });
    expect(await queueGauge(system, 'queue_admission_paused')).toBe(1);

    const entry = await fan.takeQueueToken(scheduleId);
    expect(entry.body).toMatchObject({ status: 'WAITING', position: 1 });
    // Several sweeps go by (one a second) and admit nobody.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect((await fan.call('GET', '/api/v1/queue/tokens/current')).body.status).toBe('WAITING');
    expect(
      (
        await fan.call('POST', '/api/v1/reservations', {
          scheduleId: randomUUID(),
          seatId: randomUUID(),
        })
      ).status,
    ).toBe(403);

    const resumed = await admin.call('POST', `${room}/resume`);
    expect(resumed.body.paused).toBe(false);
    await fan.waitUntilActive(10_000);
    expect(await queueGauge(system, 'queue_admission_paused')).toBe(0);
  });

  it('applies a lower limit and a rate live, and they outlive a restart of the queue', async () => {
    const changed = await admin.call('PATCH', room, { activeLimit: 1, admissionRatePerMinute: 30 });
    expect(changed.body).toMatchObject({ activeLimit: 1, admissionRatePerMinute: 30, active: 1 });
    expect((await secondFan.takeQueueToken(scheduleId)).body).toMatchObject({ status: 'WAITING' });

    await system.kill('queue');
    await system.restart('queue');
    expect((await admin.call('GET', room)).body).toMatchObject({
      activeLimit: 1,
      admissionRatePerMinute: 30,
      waiting: 1,
    });
    expect(await queueGauge(system, 'queue_active_limit')).toBe(1);
    expect(await queueGauge(system, 'queue_admission_rate_per_minute')).toBe(30);

    expect((await fan.call('DELETE', '/api/v1/queue/tokens/current')).status).toBe(204);
    await secondFan.waitUntilActive(10_000);
  });
});

describe("when an admin schedules a sale's opening through the gateway", () => {
  let system: System;
  let admin: Fan;

  beforeAll(async () => {
    system = await startSystem({ ACTIVE_LIMIT: '2' });
    admin = await new Fan(system.gatewayUrl, ADMIN.username, ADMIN.password).logIn();
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('holds early fans in the PRE_QUEUE, draws them at opensAt, and admits per room', async () => {
    const { scheduleId } = await createSchedule(admin, 1);
    const other = (await createSchedule(admin, 1)).scheduleId;
    const room = `/api/v1/admin/schedules/${scheduleId}/waiting-room`;
    const stats = `/api/v1/schedules/${scheduleId}/queue/stats`;
    const opensAt = new Date(Date.now() + 3_000).toISOString();
    const set = await admin.call('PUT', room, { opensAt, activeLimit: 1 });
    expect(set.body).toMatchObject({ state: 'SCHEDULED', activeLimit: 1, updatedBy: admin.userId });
    expect(
      (await admin.call('PUT', `/api/v1/admin/schedules/${randomUUID()}/waiting-room`, { opensAt }))
        .status,
    ).toBe(404);

    const [first, second, third, elsewhere] = await fans(system.gatewayUrl, 4, 'early');
    const early = [first!, second!, third!];
    const entries = await Promise.all(early.map((fan) => fan.takeQueueToken(scheduleId)));
    for (const entry of entries) {
      expect(entry.body).toMatchObject({ status: 'PRE_QUEUE', position: 0, scheduleId });
      expect(Number(entry.headers?.get('retry-after'))).toBe(entry.body.pollAfterSeconds);
    }
    expect((await elsewhere!.takeQueueToken(other)).body.status).toBe('ACTIVE');
    expect((await admin.call('GET', stats)).body).toMatchObject({
      state: 'SCHEDULED',
      preQueue: 3,
    });

    // Past opensAt and a sweep (one a second): the draw is made and the room's one slot filled.
    await new Promise((resolve) => setTimeout(resolve, Date.parse(opensAt) - Date.now() + 2_500));
    const after = await Promise.all(
      early.map(async (fan) => (await fan.call('GET', '/api/v1/queue/tokens/current')).body),
    );
    expect(after.map((token) => token.status).sort()).toEqual(['ACTIVE', 'WAITING', 'WAITING']);
    expect(after.map((token) => token.position).sort()).toEqual([0, 1, 2]);
    expect((await admin.call('GET', stats)).body).toMatchObject({
      state: 'OPEN',
      active: 1,
      waiting: 2,
      preQueue: 0,
    });
  });
});
