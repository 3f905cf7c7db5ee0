import { createLogger, createRedis, type Logger } from '@headliner/platform';
import {
  createTestRedis,
  infraUrl,
  testInternalAuthSecret,
  whenRedisReady,
} from '@headliner/testing';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/app';
import type { QueueRules } from '../../src/domain/queue-rules';
import { queueKeys } from '../../src/infra/queue-keys';
import type { ScheduleCatalogue } from '../../src/infra/schedule-catalogue';
import { createWaitingRoom } from '../../src/infra/waiting-room';
import { startSweep } from '../../src/jobs/sweep-worker';
import { room, unknownSchedule } from './queue-requests';
import { testDoor } from './test-door';

export const quietLogger = createLogger({ service: 'queue', level: 'silent' });

/** The concert catalogue as the tests see it: every schedule exists but `unknownSchedule`. */
export const knownSchedules: ScheduleCatalogue = {
  isKnown: async (scheduleId) => scheduleId !== unknownSchedule,
};

export interface TestQueueOptions extends Partial<QueueRules> {
  /** Runs the bullmq sweep at this interval; no sweep without it. */
  sweepIntervalMs?: number;
  /** The app's logger; silent without it. */
  logger?: Logger;
  /** The door's difficulty in every room without its own; 0 (no proof asked) without it. */
  challengeDifficulty?: number;
  /** The door's clock. */
  now?: () => Date;
}

/** A waiting room on its own random Redis prefix, with its app and, on request, its sweep. */
export async function startTestQueue(options: TestQueueOptions = {}) {
  const { redis: inspector, prefix, cleanup } = createTestRedis();
  const redis = createRedis(infraUrl('REDIS_URL'), 'request', {
    name: 'queue-requests',
    commandTimeoutMs: 5000,
    logger: quietLogger,
  });
  await whenRedisReady(redis);
  const rules: QueueRules = {
    activeLimit: options.activeLimit ?? 50,
    admissionRatePerMinute: options.admissionRatePerMinute ?? null,
    activeTtlSeconds: options.activeTtlSeconds ?? 300,
    waitIdleSeconds: options.waitIdleSeconds ?? 60,
  };
  const waitingRoom = createWaitingRoom({
    redis,
    rules,
    keyPrefix: prefix,
    defaultChallengeDifficulty: options.challengeDifficulty,
  });
  const app = createApp({
    logger: options.logger ?? quietLogger,
    internalAuthSecret: testInternalAuthSecret,
    waitingRoom,
    schedules: knownSchedules,
    door: testDoor(redis, prefix, waitingRoom, options.now),
    readiness: { redis: () => redis.ping() },
  });

  const sweepRedis = options.sweepIntervalMs
    ? createRedis(infraUrl('REDIS_URL'), 'worker', { name: 'queue-sweep', logger: quietLogger })
    : undefined;
  const sweep = sweepRedis
    ? startSweep({
        connection: sweepRedis,
        keyPrefix: prefix,
        intervalMs: options.sweepIntervalMs ?? 1000,
        waitingRoom,
        logger: quietLogger,
      })
    : undefined;

  const keys = queueKeys(prefix);
  return {
    app,
    waitingRoom,
    rules,
    redis,
    prefix,
    keys,
    /** The default room's keys. */
    roomKeys: keys.room(room),
    /** Arrival sequence number the queue gave a token. */
    arrivalOf: async (queueToken: string) =>
      Number(await inspector.hget(`${prefix}token:${queueToken}`, 'seq')),
    activeCount: (scheduleId: string = room) => inspector.zcard(keys.room(scheduleId).active),
    /** Moves every admission the rate counts `ms` into the past, as if that time had gone by. */
    ageAdmissions: async (ms: number, scheduleId: string = room) => {
      const admitted = keys.room(scheduleId).admitted;
      for (const [token, at] of pairsOf(await inspector.zrange(admitted, '0', '-1', 'WITHSCORES')))
        await inspector.zadd(admitted, String(Number(at) - ms), token);
    },
    stop: async () => {
      await sweep?.close();
      await sweepRedis?.quit();
      await redis.quit();
      await cleanup();
    },
  };
}

function pairsOf(flat: string[]): [string, string][] {
  return Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i]!, flat[2 * i + 1]!]);
}

export type TestQueue = Awaited<ReturnType<typeof startTestQueue>>;

/** A real listening server, so hundreds of concurrent requests share one port. */
export async function listen(queue: TestQueue): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const started = queue.app.listen(0, '127.0.0.1', () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
