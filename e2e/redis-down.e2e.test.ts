import { randomUUID } from 'node:crypto';
import {
  ADMIN,
  startInfrastructure,
  startSystem,
  stopInfrastructure,
  type Service,
  type System,
} from '@headliner/system';
import { asUser } from '@headliner/testing';
import { createSchedule, Fan } from './support/gateway-client';

interface ReadinessAnswer {
  status: number;
  body: { status: string; checks: Record<string, string> };
}

async function readinessOf(system: System, service: Service): Promise<ReadinessAnswer> {
  const answer = await fetch(`${system.managementUrl(service)}/health/ready`);
  return { status: answer.status, body: (await answer.json()) as ReadinessAnswer['body'] };
}

describe('when Redis stops under a running system', () => {
  let system: System;

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    await startInfrastructure('redis');
    await system?.stop();
  });

  it('keeps the gateway and reservation ready, saying they serve without Redis, and they do', async () => {
    const admin = await new Fan(system.gatewayUrl, ADMIN.username, ADMIN.password).logIn();
    const { scheduleId, seats } = await createSchedule(admin, 1, 40_000);
    const fan = await new Fan(system.gatewayUrl, `redis_down_${randomUUID().slice(0, 6)}`);
    await fan.signUpAndLogIn();

    await stopInfrastructure('redis');

    for (const service of ['gateway', 'reservation'] as const) {
      const { status, body } = await readinessOf(system, service);
      expect([service, status, body.status]).toEqual([service, 200, 'degraded']);
      expect(body.checks.redis).toMatch(/^down/);
    }
    // The waiting room lives in Redis: without it the queue cannot answer, and says so.
    expect((await readinessOf(system, 'queue')).status).toBe(503);
    for (const service of ['gateway', 'queue', 'reservation'] as const) {
      expect((await fetch(`${system.serviceUrl(service)}/health/live`)).status).toBe(200);
    }
    // Rate limiting lets the fan through; the seat claim gate leaves the choice to PostgreSQL.
    expect((await fan.charge(100_000)).body).toEqual({ balance: 100_000 });
    const hold = await fetch(`${system.serviceUrl('reservation')}/api/v1/reservations`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...asUser('reservation', { userId: fan.userId!, admittedTo: scheduleId }),
      },
      body: JSON.stringify({ scheduleId, seatId: seats[0]!.seatId }),
    });
    expect(hold.status).toBe(201);
  });
});
