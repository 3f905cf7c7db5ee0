import type { Redis } from 'ioredis';
import {
  settingsOf,
  storedChange,
  type SettingsChange,
  type SettingsDefaults,
  type StoredSettings,
  type WaitingRoomSettings,
} from '../domain/waiting-room-settings';
import type { queueKeys } from './queue-keys';
import { fromStore } from './queue-store-unavailable-error';

/** The settings in force and how full the room is, read in one round trip. */
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
 * The operators' controls in the settings hash that every queue script reads (see
 * lua/waiting-room.lua): a change here is applied by every replica at its next admission.
 */
export function createWaitingRoomControls(
  redis: Redis,
  keys: ReturnType<typeof queueKeys>,
  defaults: SettingsDefaults,
) {
  return {
    async snapshot(): Promise<WaitingRoomSnapshot> {
      const replies = await fromStore(
        redis.pipeline().hgetall(keys.settings).zcard(keys.active).zcard(keys.waiting).exec(),
      );
      const [stored, active, waiting] = (replies ?? []).map(([error, value]) => {
        if (error) throw error;
        return value;
      });
      return {
        ...settingsOf(stored as StoredSettings, defaults),
        active: Number(active),
        waiting: Number(waiting),
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
