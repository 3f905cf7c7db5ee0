import { randomUUID } from 'node:crypto';
import { ScheduleWaitingRoom } from '@headliner/contracts';
import { asUser } from '@headliner/testing';
import {
  adminId,
  enterQueue,
  getRoom,
  newUsers,
  pauseAdmission,
  pauseRoom,
  pollToken,
  queueStats,
  resumeAdmission,
  resumeRoom,
  setRoom,
  unknownSchedule,
  updateWaitingRoom,
} from './support/queue-requests';
import { enterRoom, solvedProof } from './support/door-requests';
import { recordingLogger } from './support/recording-logger';
import { startTestQueue, type TestQueue } from './support/test-queue';

const defaults = {
  opensAt: null,
  activeLimit: 4,
  admissionRatePerMinute: 0,
  activeTtlSeconds: 300,
  idleDropSeconds: 60,
  challengeDifficulty: 0,
  state: 'OPEN',
  paused: false,
};

describe("when an admin manages a schedule's waiting room", () => {
  let queue: TestQueue;
  const audit = recordingLogger();
  const sale = randomUUID();

  beforeAll(async () => {
    queue = await startTestQueue({ activeLimit: 4, logger: audit.logger });
  });
  afterAll(() => queue.stop());

  it('shows the defaults in force until someone sets the room', async () => {
    const res = await getRoom(queue.app, sale);

    expect(res.status).toBe(200);
    expect(ScheduleWaitingRoom.safeParse(res.body).success).toBe(true);
    expect(res.body).toEqual({
      scheduleId: sale,
      ...defaults,
      active: 0,
      waiting: 0,
      preQueue: 0,
      updatedAt: null,
      updatedBy: null,
    });
  });

  it('replaces the settings, audits the change, and the next admission applies them', async () => {
    const opensAt = new Date(Date.now() + 3_600_000).toISOString();
    const settings = {
      opensAt,
      activeLimit: 2,
      admissionRatePerMinute: 10,
      activeTtlSeconds: 120,
      idleDropSeconds: 30,
      challengeDifficulty: 50_000,
    };
    const res = await setRoom(queue.app, settings, sale);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ...settings, state: 'SCHEDULED', updatedBy: adminId });
    expect((await queue.waitingRoom.roomSettings(sale)).challengeDifficulty).toBe(50_000);
    const fan = randomUUID();
    expect((await enterQueue(queue.app, fan, sale)).status).toBe(400); // the room asks for a proof
    const proof = await solvedProof(queue.app, fan, sale);
    const entry = await enterRoom(queue.app, fan, { scheduleId: sale, proof });
    expect(entry.body).toMatchObject({ status: 'PRE_QUEUE', opensAt });
    expect(entry.body.pollAfterSeconds).toBe(9); // under a third of the room's 30 s idle drop
    expect(audit.lines).toContainEqual(
      expect.objectContaining({
        audit: true,
        action: 'schedule-waiting-room.set',
        actor: adminId,
        scheduleId: sale,
        after: expect.objectContaining({ activeLimit: '2', opensAt: String(Date.parse(opensAt)) }),
      }),
    );
  });

  it('puts an omitted setting back to its default, and opens the room with opensAt null', async () => {
    const res = await setRoom(queue.app, { opensAt: null, activeLimit: 1 }, sale);

    expect(res.body).toMatchObject({ ...defaults, activeLimit: 1, preQueue: 0, waiting: 1 });
    await queue.waitingRoom.sweep();
    expect((await queueStats(queue.app, sale)).body).toMatchObject({
      state: 'OPEN',
      active: 1,
      waiting: 0,
      activeLimit: 1,
    });
  });

  it('pauses and resumes this room only, idempotently, and audits each', async () => {
    const [waiter, elsewhere] = newUsers(2);
    const line = await enterQueue(queue.app, waiter!, sale);
    expect(line.body.status).toBe('WAITING');

    const paused = await pauseRoom(queue.app, sale);
    expect((await pauseRoom(queue.app, sale)).body.updatedAt).toBe(paused.body.updatedAt);
    expect(paused.body).toMatchObject({ paused: true, state: 'PAUSED' });
    expect((await enterQueue(queue.app, elsewhere!, randomUUID())).body.status).toBe('ACTIVE');
    await queue.redis.zremrangebyrank(queue.keys.room(sale).active, 0, -1); // the slot frees
    await queue.waitingRoom.sweep();
    expect((await pollToken(queue.app, waiter!, line.body.queueToken)).body.status).toBe('WAITING');

    expect((await resumeRoom(queue.app, sale)).body).toMatchObject({
      paused: false,
      state: 'OPEN',
    });
    await queue.waitingRoom.sweep();
    expect((await pollToken(queue.app, waiter!, line.body.queueToken)).body.status).toBe('ACTIVE');
    const actions = audit.lines.map((line) => line.action);
    expect(actions).toEqual(
      expect.arrayContaining(['schedule-waiting-room.pause', 'schedule-waiting-room.resume']),
    );
  });

  it('takes the global controls as the defaults of every room, and the global pause as theirs', async () => {
    const plain = randomUUID();
    await updateWaitingRoom(queue.app, { activeLimit: 9 });
    expect((await getRoom(queue.app, plain)).body.activeLimit).toBe(9);
    expect((await getRoom(queue.app, sale)).body.activeLimit).toBe(1);

    await pauseAdmission(queue.app);
    expect((await queueStats(queue.app, plain)).body.state).toBe('PAUSED');
    expect((await enterQueue(queue.app, randomUUID(), plain)).body.status).toBe('WAITING');
    await resumeAdmission(queue.app);
    expect((await queueStats(queue.app, plain)).body.state).toBe('OPEN');
  });

  it('refuses a fan 403 and an unknown schedule 404, and says which field is wrong', async () => {
    const fan = asUser('queue', { userId: randomUUID() });
    expect((await getRoom(queue.app, sale, fan)).status).toBe(403);
    expect((await setRoom(queue.app, { opensAt: null }, sale, fan)).status).toBe(403);
    expect((await pauseRoom(queue.app, sale, fan)).status).toBe(403);
    expect((await setRoom(queue.app, { opensAt: null }, unknownSchedule)).status).toBe(404);
    expect((await pauseRoom(queue.app, unknownSchedule)).status).toBe(404);

    const invalid = await setRoom(queue.app, { opensAt: null, challengeDifficulty: -1 }, sale);
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors).toContainEqual(
      expect.objectContaining({ field: 'body.challengeDifficulty' }),
    );
    expect((await setRoom(queue.app, {}, sale)).body.errors).toContainEqual(
      expect.objectContaining({ field: 'body.opensAt' }),
    );
  });
});
