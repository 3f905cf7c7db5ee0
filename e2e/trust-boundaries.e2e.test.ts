import { randomUUID } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import { asUser, eventually } from '@headliner/testing';
import { ADMIN, serviceNames, startSystem, type Service, type System } from '@headliner/system';
import { createSchedule, Fan } from './support/gateway-client';
import { snapshotDatabases } from './support/database-snapshot';

type Behind = Exclude<Service, 'gateway'>;
type Call = { service: Behind; method: string; path: string; body?: unknown };

describe('when someone calls the services behind the gateway directly', () => {
  let system: System;
  let fan: Fan;
  let calls: Call[];
  let queueStats: string;

  beforeAll(async () => {
    system = await startSystem();
    const admin = await new Fan(system.gatewayUrl, ADMIN.username, ADMIN.password).logIn();
    fan = await new Fan(system.gatewayUrl, `victim_${randomUUID().slice(0, 6)}`).signUpAndLogIn();
    expect((await fan.charge(200_000)).status).toBe(200);
    const { concertId, scheduleId, seats } = await createSchedule(admin, 2, 50_000);
    queueStats = `/api/v1/schedules/${scheduleId}/queue/stats`;
    await fan.joinQueue(scheduleId);
    await fan.waitUntilActive();
    const held = await fan.hold(scheduleId, seats[0]!.seatId);
    expect(held.status).toBe(201);
    const reservationId: string = held.body.reservationId;
    // Settled: the hold reached the catalogue, so nothing moves by itself while the test looks.
    const seatMap = await eventually(
      () => fan.call('GET', `/api/v1/schedules/${scheduleId}/seats`),
      (map) => map.body.seats[0].status === 'HELD',
    );
    expect(seatMap.body.seats[0].status).toBe('HELD');

    calls = [
      { service: 'queue', method: 'POST', path: '/api/v1/queue/tokens', body: { scheduleId } },
      { service: 'queue', method: 'DELETE', path: '/api/v1/queue/tokens/current' },
      {
        service: 'queue',
        method: 'POST',
        path: '/internal/queue-tokens/verify',
        body: { userId: fan.userId, queueToken: fan.queueToken },
      },
      { service: 'queue', method: 'POST', path: '/api/v1/admin/waiting-room/pause' },
      {
        service: 'queue',
        method: 'PATCH',
        path: '/api/v1/admin/waiting-room',
        body: { activeLimit: 1 },
      },
      {
        service: 'queue',
        method: 'PUT',
        path: `/api/v1/admin/schedules/${scheduleId}/waiting-room`,
        body: { opensAt: '2027-05-01T19:00:00Z', activeLimit: 1 },
      },
      {
        service: 'queue',
        method: 'POST',
        path: `/api/v1/admin/schedules/${scheduleId}/waiting-room/pause`,
      },
      {
        service: 'concert',
        method: 'POST',
        path: '/api/v1/admin/concerts',
        body: { title: 'Forged', artist: 'Nobody', venue: 'Nowhere' },
      },
      {
        service: 'concert',
        method: 'POST',
        path: `/api/v1/admin/concerts/${concertId}/schedules`,
        body: { startsAt: '2027-05-01T19:00:00Z', seatCount: 5, price: 1 },
      },
      {
        service: 'reservation',
        method: 'POST',
        path: '/api/v1/reservations',
        body: { scheduleId, seatId: seats[1]!.seatId },
      },
      { service: 'reservation', method: 'POST', path: '/api/v1/payments', body: { reservationId } },
      { service: 'reservation', method: 'GET', path: `/api/v1/reservations/${reservationId}` },
      { service: 'wallet', method: 'POST', path: '/api/v1/wallet/charges', body: { amount: 1 } },
      { service: 'wallet', method: 'GET', path: '/api/v1/wallet' },
    ];
  });

  afterAll(async () => {
    await system?.stop();
  });

  async function callDirectly(call: Call, headers: Record<string, string>) {
    const response = await fetch(system.serviceUrl(call.service) + call.path, {
      method: call.method,
      headers: {
        ...headers,
        'idempotency-key': randomUUID(),
        'x-queue-token': fan.queueToken!,
        ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: (await response.json()) as Record<string, unknown>,
    };
  }

  const forgedHeaders = () => ({ 'x-user-id': fan.userId!, 'x-user-role': 'admin' });
  const forgeries: [string, (service: Behind) => Record<string, string>][] = [
    ['the fan’s id and the admin role in X-User-Id / X-User-Role', forgedHeaders],
    [
      'a statement for the fan signed with a guessed secret',
      (service) =>
        asUser(service, {
          userId: fan.userId,
          role: 'admin',
          admittedTo: randomUUID(),
          secret: 'a-guessed-secret-of-at-least-32-characters',
        }),
    ],
  ];

  it.each(forgeries)(
    'answers every call carrying %s 401, and changes nothing in any database',
    async (_, headersFor) => {
      const before = await snapshotDatabases(system);
      const stats = (await fan.call('GET', queueStats)).body;

      for (const call of calls) {
        const answer = await callDirectly(call, headersFor(call.service));
        expect({ call: `${call.method} ${call.path}`, status: answer.status }).toEqual({
          call: `${call.method} ${call.path}`,
          status: 401,
        });
        expect(answer.type).toMatch(/^application\/problem\+json/);
        expect(answer.body.type).toBe('https://headliner.dev/problems/caller-statement-rejected');
      }

      expect(await snapshotDatabases(system)).toEqual(before);
      expect((await fan.call('GET', queueStats)).body).toEqual(stats);
      const admin = await new Fan(system.gatewayUrl, ADMIN.username, ADMIN.password).logIn();
      expect((await admin.call('GET', '/api/v1/admin/waiting-room')).body).toMatchObject({
        paused: false,
        updatedAt: null,
      });
      const token = await fan.call('GET', '/api/v1/queue/tokens/current');
      expect(token.body.status).toBe('ACTIVE');
    },
  );

  it('keeps metrics and readiness detail off every public port, on the management ports', async () => {
    for (const service of serviceNames) {
      const signed = service === 'gateway' ? {} : asUser(service, { userId: fan.userId! });
      const metrics = await fetch(`${system.serviceUrl(service)}/metrics`, { headers: signed });
      const ready = await fetch(`${system.serviceUrl(service)}/health/ready`);
      expect([service, metrics.status, await ready.json()]).toEqual([
        service,
        404,
        { status: 'ready' },
      ]);

      const scrape = await fetch(`${system.managementUrl(service)}/metrics`);
      const detail = await fetch(`${system.managementUrl(service)}/health/ready`);
      expect(await scrape.text()).toContain('process_cpu_user_seconds_total');
      expect(await detail.json()).toMatchObject({
        status: 'ready',
        checks: expect.objectContaining(service === 'queue' ? { redis: 'up' } : { postgres: 'up' }),
      });
    }
  });

  it('listens on loopback only, management ports too, not on the machine’s other addresses', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal);
    if (!external) return; // a machine with loopback alone has nothing else to reach
    for (const service of ['gateway', 'wallet'] as const) {
      for (const url of [system.serviceUrl(service), system.managementUrl(service)]) {
        const { port } = new URL(url);
        await expect(fetch(`http://${external.address}:${port}/health/live`)).rejects.toThrow();
      }
    }
  });
});
