import { randomUUID } from 'node:crypto';
import { ADMIN, startSystem, type System } from '@headliner/system';
import { createSchedule, Fan, fans } from './support/gateway-client';

describe('when 2,000 fans ask for a queue token at the same moment', () => {
  let system: System;

  beforeAll(async () => {
    // Correctness, not latency (the k6 suite's job): 2,000 simultaneous requests on the 2-core
    // test machine can outlast the gateway's default 6 s upstream timeout, and keep the queue's
    // event loop busy past its 250 ms Redis command timeout (a 503 the fan would retry).
    system = await startSystem({
      ACTIVE_LIMIT: '50',
      UPSTREAM_TIMEOUT_MS: '30000',
      REDIS_COMMAND_TIMEOUT_MS: '10000',
    });
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('admits exactly the first 50 in arrival order, lines up the rest and refills freed slots', async () => {
    const admin = await new Fan(system.gatewayUrl, ADMIN.username, ADMIN.password).logIn();
    const { scheduleId } = await createSchedule(admin, 1);
    const stats = `/api/v1/schedules/${scheduleId}/queue/stats`;
    const crowd = await fans(system.gatewayUrl, 2_000, 'q');
    const answers = await Promise.all(crowd.map((fan) => fan.takeQueueToken(scheduleId)));

    expect(answers.every((answer) => answer.status === 201)).toBe(true);
    const active = answers.filter((answer) => answer.body.status === 'ACTIVE');
    const waiting = answers.filter((answer) => answer.body.status === 'WAITING');
    expect(active).toHaveLength(50);
    expect(waiting).toHaveLength(1_950);
    const positions = waiting.map((answer) => answer.body.position as number).sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 1_950 }, (_, i) => i + 1));
    expect((await new Fan(system.gatewayUrl, 'anyone').call('GET', stats)).body).toEqual({
      scheduleId,
      activeLimit: 50,
      active: 50,
      waiting: 1_950,
      preQueue: 0,
      admittedPerMinute: 50,
      opensAt: null,
      state: 'OPEN',
    });

    const byPosition = new Map(
      crowd.map((fan, i) => [answers[i]!.body.position as number, fan] as const),
    );
    const leaver = crowd.find((_, i) => answers[i]!.body.status === 'ACTIVE')!;
    expect((await leaver.call('DELETE', '/api/v1/queue/tokens/current')).status).toBe(204);

    const next = byPosition.get(1)!;
    const nextToken = await next.call('GET', '/api/v1/queue/tokens/current');
    expect(nextToken.body.status).toBe('ACTIVE');
    const second = await byPosition.get(2)!.call('GET', '/api/v1/queue/tokens/current');
    expect(second.body).toMatchObject({ status: 'WAITING', position: 1 });
    const after = await new Fan(system.gatewayUrl, `x${randomUUID().slice(0, 6)}`).call(
      'GET',
      stats,
    );
    expect(after.body.active).toBe(50);
  });
});
