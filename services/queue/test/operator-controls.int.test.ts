import { asUser } from '@headliner/testing';
import {
  adminId,
  enterQueue,
  getWaitingRoom,
  leaveQueue,
  newUsers,
  pauseAdmission,
  resumeAdmission,
  updateWaitingRoom,
  verifyToken,
  room,
} from './support/queue-requests';
import { recordingLogger } from './support/recording-logger';
import { startTestQueue, type TestQueue } from './support/test-queue';

async function enterAll(queue: TestQueue, users: string[]) {
  const tokens = [];
  for (const userId of users) tokens.push((await queue.waitingRoom.enter(userId, room)).token);
  return tokens;
}

describe('when an admin reads and changes the waiting room', () => {
  let queue: TestQueue;
  const audit = recordingLogger();

  beforeAll(async () => {
    queue = await startTestQueue({ activeLimit: 7, logger: audit.logger });
  });
  afterAll(() => queue.stop());

  it('shows the configured defaults until someone changes them', async () => {
    await enterAll(queue, newUsers(2));
    const res = await getWaitingRoom(queue.app);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      activeLimit: 7,
      admissionRatePerMinute: null,
      paused: false,
      active: 2,
      waiting: 0,
      updatedAt: null,
      updatedBy: null,
    });
  });

  it('answers a fan 403 on every control and changes nothing', async () => {
    const fan = asUser('queue');
    expect((await getWaitingRoom(queue.app, fan)).status).toBe(403);
    expect((await pauseAdmission(queue.app, fan)).status).toBe(403);
    expect((await resumeAdmission(queue.app, fan)).status).toBe(403);
    const update = await updateWaitingRoom(queue.app, { activeLimit: 1 }, fan);
    expect(update.status).toBe(403);
    expect(update.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await getWaitingRoom(queue.app)).body).toMatchObject({ activeLimit: 7, paused: false });
  });

  it.each([
    ['nothing to change', {}, 'body'],
    ['a limit of 0', { activeLimit: 0 }, 'body.activeLimit'],
    [
      'a rate that is not a whole number',
      { admissionRatePerMinute: 2.5 },
      'body.admissionRatePerMinute',
    ],
    ['pausing by PATCH', { paused: true }, 'body.paused'],
  ])('refuses %s with a 400 problem naming the field', async (_case, body, field) => {
    const res = await updateWaitingRoom(queue.app, body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
  });

  it('answers the new state, stamped with who changed it, and audits before and after', async () => {
    const res = await updateWaitingRoom(queue.app, { activeLimit: 3, admissionRatePerMinute: 120 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      activeLimit: 3,
      admissionRatePerMinute: 120,
      paused: false,
      updatedBy: adminId,
    });
    expect(Date.now() - Date.parse(res.body.updatedAt)).toBeLessThan(5000);

    const lifted = await updateWaitingRoom(queue.app, { admissionRatePerMinute: null });
    expect(lifted.body).toMatchObject({ activeLimit: 3, admissionRatePerMinute: null });

    const audited = audit.lines.filter((line) => line.audit === true);
    expect(audited).toEqual([
      expect.objectContaining({
        level: 'info',
        action: 'waiting-room.update',
        actor: adminId,
        before: { activeLimit: 7, admissionRatePerMinute: null, paused: false },
        after: { activeLimit: 3, admissionRatePerMinute: 120, paused: false },
      }),
      expect.objectContaining({
        action: 'waiting-room.update',
        before: { activeLimit: 3, admissionRatePerMinute: 120, paused: false },
        after: { activeLimit: 3, admissionRatePerMinute: null, paused: false },
      }),
    ]);
  });

  it('pauses and resumes idempotently: a second pause changes nothing, not even the stamp', async () => {
    const paused = await pauseAdmission(queue.app);
    expect(paused.status).toBe(200);
    expect(paused.body.paused).toBe(true);
    const again = await pauseAdmission(queue.app);
    expect(again.body).toEqual(paused.body);

    const resumed = await resumeAdmission(queue.app);
    expect(resumed.body.paused).toBe(false);
    expect((await resumeAdmission(queue.app)).body.paused).toBe(false);
    const actions = audit.lines.filter((line) => line.audit === true).map((line) => line.action);
    expect(actions.slice(-4)).toEqual([
      'waiting-room.pause',
      'waiting-room.pause',
      'waiting-room.resume',
      'waiting-room.resume',
    ]);
  });
});

describe('when admission is paused', () => {
  let queue: TestQueue;
  beforeAll(async () => {
    queue = await startTestQueue({ activeLimit: 5 });
  });
  afterAll(() => queue.stop());

  it('lines new fans up even with free slots, keeps the active ones, and admits in order on resume', async () => {
    const [early] = newUsers(1);
    const earlyToken = (await queue.waitingRoom.enter(early!, room)).token;
    expect(earlyToken.status).toBe('ACTIVE');
    await pauseAdmission(queue.app);

    const late = newUsers(3);
    for (const userId of late) {
      const res = await enterQueue(queue.app, userId);
      expect([res.status, res.body.status]).toEqual([201, 'WAITING']);
    }
    expect((await queue.waitingRoom.sweep()).admitted).toBe(0);
    expect((await verifyToken(queue.app, early!, earlyToken.queueToken)).body.status).toBe(
      'ACTIVE',
    );

    // The slot an active fan gives up stays free while paused.
    expect((await leaveQueue(queue.app, early!, earlyToken.queueToken)).status).toBe(204);
    expect(await queue.activeCount()).toBe(0);
    expect((await getWaitingRoom(queue.app)).body).toMatchObject({
      paused: true,
      active: 0,
      waiting: 3,
    });

    await resumeAdmission(queue.app);
    expect(await queue.waitingRoom.sweep()).toMatchObject({ admitted: 3, active: 3, waiting: 0 });
    const statuses = [];
    for (const userId of late)
      statuses.push((await queue.waitingRoom.enter(userId, room)).token.status);
    expect(statuses).toEqual(['ACTIVE', 'ACTIVE', 'ACTIVE']);
    expect((await enterQueue(queue.app, newUsers(1)[0]!)).body.status).toBe('ACTIVE');
  });
});

describe('when an admin lowers the active limit below the active set', () => {
  let queue: TestQueue;
  beforeAll(async () => {
    queue = await startTestQueue({ activeLimit: 4 });
  });
  afterAll(() => queue.stop());

  it('evicts nobody and admits again only once the active set is below the new limit', async () => {
    const users = newUsers(4);
    const active = await enterAll(queue, users);
    expect(active.every((token) => token.status === 'ACTIVE')).toBe(true);
    await updateWaitingRoom(queue.app, { activeLimit: 2 });

    const [waiter] = newUsers(1);
    expect((await queue.waitingRoom.enter(waiter!, room)).token).toMatchObject({
      status: 'WAITING',
      position: 1,
    });
    for (const [i, token] of active.entries())
      expect((await verifyToken(queue.app, users[i]!, token.queueToken)).body.status).toBe(
        'ACTIVE',
      );

    await queue.waitingRoom.leave(users[0]!, active[0]!.queueToken);
    await queue.waitingRoom.leave(users[1]!, active[1]!.queueToken);
    expect(await queue.waitingRoom.sweep()).toMatchObject({ admitted: 0, active: 2, waiting: 1 });

    await queue.waitingRoom.leave(users[2]!, active[2]!.queueToken);
    expect((await queue.waitingRoom.enter(waiter!, room)).token.status).toBe('ACTIVE');
    expect(await queue.activeCount()).toBe(2);
  });
});

describe('when an admission rate is set', () => {
  let queue: TestQueue;
  beforeAll(async () => {
    queue = await startTestQueue({ activeLimit: 50, admissionRatePerMinute: 3 });
  });
  afterAll(() => queue.stop());

  it('admits at most that many in a rolling minute, then the next as the minute moves on', async () => {
    const tokens = await enterAll(queue, newUsers(5));
    expect(tokens.map((token) => token.status)).toEqual([
      'ACTIVE',
      'ACTIVE',
      'ACTIVE',
      'WAITING',
      'WAITING',
    ]);
    expect((await getWaitingRoom(queue.app)).body.admissionRatePerMinute).toBe(3);
    expect((await queue.waitingRoom.sweep()).admitted).toBe(0);

    await queue.ageAdmissions(59_000);
    expect((await queue.waitingRoom.sweep()).admitted).toBe(0);
    await queue.ageAdmissions(1_000);
    expect(await queue.waitingRoom.sweep()).toMatchObject({ admitted: 2, active: 5, waiting: 0 });
  });

  it('counts the admissions of the minute before it was set', async () => {
    const fresh = await startTestQueue({ activeLimit: 50 });
    try {
      await enterAll(fresh, newUsers(3));
      await updateWaitingRoom(fresh.app, { admissionRatePerMinute: 3 });
      const [next] = await enterAll(fresh, newUsers(1));
      expect(next!.status).toBe('WAITING');
    } finally {
      await fresh.stop();
    }
  });

  it('takes a higher rate live, and lifting it leaves only the limit', async () => {
    // Two of the minute's three admissions are taken: one newcomer gets in, the rest wait.
    const later = await enterAll(queue, newUsers(4));
    expect(later.map((token) => token.status)).toEqual(['ACTIVE', 'WAITING', 'WAITING', 'WAITING']);

    await updateWaitingRoom(queue.app, { admissionRatePerMinute: 5 });
    expect(await queue.waitingRoom.sweep()).toMatchObject({ admitted: 2, waiting: 1 });
    await updateWaitingRoom(queue.app, { admissionRatePerMinute: null });
    expect(await queue.waitingRoom.sweep()).toMatchObject({ admitted: 1, active: 9, waiting: 0 });
  });
});

describe('when an admin changes the limit while fans wait', () => {
  let queue: TestQueue;
  beforeAll(async () => {
    queue = await startTestQueue({ activeLimit: 1, activeTtlSeconds: 300 });
  });
  afterAll(() => queue.stop());

  it("estimates the wait by the limit in force, not the configuration's", async () => {
    await enterAll(queue, newUsers(1));
    await pauseAdmission(queue.app);
    const users = newUsers(3);
    const waiting = await enterAll(queue, users);
    // Worst case: the active set turns over once every ACTIVE_TTL, a limit's worth at a time.
    expect(waiting[2]).toMatchObject({ position: 3, estimatedWaitSeconds: 3 * 300 });

    await updateWaitingRoom(queue.app, { activeLimit: 3 });
    const polled = await queue.waitingRoom.poll(users[2]!, waiting[2]!.queueToken);
    expect(polled).toMatchObject({ kind: 'found', token: { estimatedWaitSeconds: 300 } });
  });
});
