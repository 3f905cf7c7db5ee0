import type { Redis } from 'ioredis';
import {
  settingsOf,
  storedChange,
  type SettingsChange,
  type SettingsDefaults,
  type StoredSettings,
  type WaitingRoomSettings,
} from '../domain/waiting-room-settings';
import type { QueueKeys } from './queue-keys';
import { fromStore } from './queue-store-unavailable-error';

/** The global settings in force and how full the rooms are. */
export interface WaitingRoomSnapshot extends WaitingRoomSettings {
  active: number;
  waiting: number;
}

export interface SettingsChangeResult {
  before: WaitingRoomSettings;
  after: WaitingRoomSettings;
}

export type WaitingRoomControls = ReturnType<typeof createWaitingRoomControls>;

/**
 * The operators' global controls in the settings hash that every queue script reads (see
 * lua/waiting-room.lua): defaults of every room without its own, and a pause of every room. A
 * change here is applied by every replica at its next admission.
 */
export function createWaitingRoomControls(
  redis: Redis,
  keys: QueueKeys,
  defaults: SettingsDefaults,
) {
  return {
    /** The global settings, and the active and waiting fans of every room together. */
    async snapshot(): Promise<WaitingRoomSnapshot> {
      const [stored, rooms] = await fromStore(
        Promise.all([redis.hgetall(keys.settings), redis.smembers(keys.rooms)]),
      );
      const counting = redis.pipeline();
      for (const room of rooms.map(keys.room)) counting.zcard(room.active).zcard(room.waiting);
      const counts = ((await fromStore(counting.exec())) ?? []).map(([error, value]) => {
        if (error) throw error;
        return Number(value);
      });
      const sumOf = (parity: number) =>
        counts.filter((_, i) => i % 2 === parity).reduce((sum, count) => sum + count, 0);
      return {
        ...settingsOf(stored as StoredSettings, defaults),
        active: sumOf(0),
        waiting: sumOf(1),
      };
    },

    /** Applies the change as `actor`; a change that alters nothing leaves the stamp as it was. */
    async change(change: SettingsChange, actor: string): Promise<SettingsChangeResult> {
      const fields = Object.entries(storedChange(change)).flat();
      const [before, after] = await fromStore(
        redis.queueChangeSettings(keys.settings, actor, ...fields),
      );
      return {
        before: settingsOf(pairs(before), defaults),
        after: settingsOf(pairs(after), defaults),
      };
    },
  };
}

/** HGETALL as a Lua script answers it: a flat [field, value, ...] list. */
function pairs(flat: string[]): StoredSettings {
  const stored: StoredSettings = {};
  for (let i = 0; i < flat.length; i += 2) stored[flat[i]!] = flat[i + 1]!;
  return stored;
}
