/**
 * The operators' global live controls: the defaults of every room without its own setting
 * (room-settings.ts), and a pause of every room. Until an admin changes one, the configuration's
 * default applies (ACTIVE_LIMIT, ADMISSION_RATE_PER_MINUTE).
 */
export interface WaitingRoomSettings {
  activeLimit: number;
  /** Most admissions in any rolling minute; null: only the active limit rations them. */
  admissionRatePerMinute: number | null;
  /** Nobody moves from waiting to active; fans already active keep their slot. */
  paused: boolean;
  updatedAt: Date | null;
  /** The admin's user id. */
  updatedBy: string | null;
}

export type SettingsDefaults = Pick<WaitingRoomSettings, 'activeLimit' | 'admissionRatePerMinute'>;

/** A change an admin asks for; absent fields stay as they are. */
export type SettingsChange = Partial<
  Pick<WaitingRoomSettings, 'activeLimit' | 'admissionRatePerMinute' | 'paused'>
>;

/** The settings hash as Redis stores it (see lua/waiting-room.lua): every value a string. */
export type StoredSettings = Record<string, string>;

export function settingsOf(
  stored: StoredSettings,
  defaults: SettingsDefaults,
): WaitingRoomSettings {
  const rate = stored.admissionRatePerMinute;
  return {
    activeLimit: stored.activeLimit ? Number(stored.activeLimit) : defaults.activeLimit,
    admissionRatePerMinute:
      rate === undefined ? defaults.admissionRatePerMinute : Number(rate) || null,
    paused: stored.paused === '1',
    updatedAt: stored.updatedAt ? new Date(Number(stored.updatedAt)) : null,
    updatedBy: stored.updatedBy ?? null,
  };
}

/** The hash fields a change writes; the scripts read 0 as "no rate limit". */
export function storedChange(change: SettingsChange): StoredSettings {
  const fields: StoredSettings = {};
  if (change.activeLimit !== undefined) fields.activeLimit = String(change.activeLimit);
  if (change.admissionRatePerMinute !== undefined)
    fields.admissionRatePerMinute = String(change.admissionRatePerMinute ?? 0);
  if (change.paused !== undefined) fields.paused = change.paused ? '1' : '0';
  return fields;
}
