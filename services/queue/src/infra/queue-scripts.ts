import type { Redis, Result } from 'ioredis';
import { enterLua } from './lua/enter-lua';
import { leaveLua } from './lua/leave-lua';
import { pollLua } from './lua/poll-lua';
import { releaseLua } from './lua/release-lua';
import { sweepLua } from './lua/sweep-lua';
import { verifyLua } from './lua/verify-lua';

type ScriptArgument = string | number;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    queueEnter(...args: ScriptArgument[]): Result<unknown[], Context>;
    queuePoll(...args: ScriptArgument[]): Result<unknown[], Context>;
    queueLeave(...args: ScriptArgument[]): Result<unknown[], Context>;
    queueVerify(...args: ScriptArgument[]): Result<unknown[], Context>;
    queueRelease(...args: ScriptArgument[]): Result<unknown[], Context>;
    queueSweep(...args: ScriptArgument[]): Result<unknown[], Context>;
  }
}

const scripts = {
  queueEnter: enterLua,
  queuePoll: pollLua,
  queueLeave: leaveLua,
  queueVerify: verifyLua,
  queueRelease: releaseLua,
  queueSweep: sweepLua,
};

/** The number of KEYS every queue script takes (see waiting-room-lua.ts). */
export const scriptKeyCount = 5;

/**
 * Teaches a connection the queue scripts. ioredis sends each one's source once per socket and
 * its SHA from then on, so a call is a single round trip.
 */
export function defineQueueScripts(redis: Redis): void {
  for (const [name, lua] of Object.entries(scripts)) {
    redis.defineCommand(name, { lua, numberOfKeys: scriptKeyCount });
  }
}
