import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Redis, Result } from 'ioredis';

type ScriptArgument = string | number;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    queueEnter(...args: ScriptArgument[]): Result<unknown[], Context>;
    queuePoll(...args: ScriptArgument[]): Result<unknown[], Context>;
    queueLeave(...args: ScriptArgument[]): Result<unknown[], Context>;
    queueVerify(...args: ScriptArgument[]): Result<unknown[], Context>;
    queueRelease(...args: ScriptArgument[]): Result<unknown[], Context>;
    queueSweep(...args: ScriptArgument[]): Result<unknown[], Context>;
    queueRoomState(...args: ScriptArgument[]): Result<unknown[], Context>;
    queueReplaceSettings(...args: ScriptArgument[]): Result<[string[], string[]], Context>;
    queueChangeSettings(...args: ScriptArgument[]): Result<[string[], string[]], Context>;
  }
}

// Read once when the module loads; the build copies lua/ into dist beside this file.
const luaOf = (name: string) => readFileSync(join(__dirname, 'lua', `${name}.lua`), 'utf8');
const waitingRoom = luaOf('waiting-room');
const withWaitingRoom = (name: string) => `${waitingRoom}\n${luaOf(name)}`;

const scripts = {
  queueEnter: withWaitingRoom('enter'),
  queuePoll: withWaitingRoom('poll'),
  queueLeave: withWaitingRoom('leave'),
  queueVerify: withWaitingRoom('verify'),
  queueRelease: withWaitingRoom('release'),
  queueSweep: withWaitingRoom('sweep'),
  queueRoomState: withWaitingRoom('room-state'),
};

/** The number of KEYS every queue script takes (see lua/waiting-room.lua). */
export const scriptKeyCount = 2;

/**
 * Teaches a connection the queue scripts. ioredis sends each one's source once per socket and
 * its SHA from then on, so a call is a single round trip.
 */
export function defineQueueScripts(redis: Redis): void {
  for (const [name, lua] of Object.entries(scripts)) {
    redis.defineCommand(name, { lua, numberOfKeys: scriptKeyCount });
  }
  redis.defineCommand('queueChangeSettings', { lua: luaOf('change-settings'), numberOfKeys: 1 });
  redis.defineCommand('queueReplaceSettings', { lua: luaOf('replace-settings'), numberOfKeys: 1 });
}
