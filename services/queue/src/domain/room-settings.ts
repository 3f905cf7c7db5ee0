import type { ScheduleWaitingRoomSettings, WaitingRoomPhase } from '@headliner/contracts';

/** A schedule's waiting room as the store sees it: the settings in force and how full it is. */
export interface RoomState {
  scheduleId: string;
  /** null: open since it was made. */
  opensAt: Date | null;
  activeLimit: number;
  /** 0: no rate, only the active limit. */
  admissionRatePerMinute: number;
  activeTtlSeconds: number;
  idleDropSeconds: number;
  challengeDifficulty: number;
  /** This room is paused by an admin. */
  paused: boolean;
  /** Paused, by this room's admin or the global pause. */
  admissionPaused: boolean;
  active: number;
  waiting: number;
  preQueue: number;
  admittedLastMinute: number;
  updatedAt: Date | null;
  updatedBy: string | null;
  /** Redis's clock when it answered. */
  now: Date;
}

/** SCHEDULED until opensAt (joins wait in the PRE_QUEUE), then PAUSED or OPEN. */
export function phaseOf(room: RoomState): WaitingRoomPhase {
  if (room.opensAt && room.opensAt > room.now) return 'SCHEDULED';
  return room.admissionPaused ? 'PAUSED' : 'OPEN';
}

/** The room settings hash fields a PUT writes; '' removes a field, so its default applies again. */
export function storedRoomSettings(settings: ScheduleWaitingRoomSettings): Record<string, string> {
  const text = (value: number | undefined) => (value === undefined ? '' : String(value));
  return {
    opensAt: settings.opensAt ? String(Date.parse(settings.opensAt)) : '',
    activeLimit: text(settings.activeLimit),
    admissionRatePerMinute: text(settings.admissionRatePerMinute),
    activeTtlSeconds: text(settings.activeTtlSeconds),
    idleDropSeconds: text(settings.idleDropSeconds),
    challengeDifficulty: text(settings.challengeDifficulty),
  };
}

/** The room settings an audit line shows. */
export function auditedSettings(room: RoomState) {
  return {
    opensAt: room.opensAt?.toISOString() ?? null,
    activeLimit: room.activeLimit,
    admissionRatePerMinute: room.admissionRatePerMinute,
    activeTtlSeconds: room.activeTtlSeconds,
    idleDropSeconds: room.idleDropSeconds,
    challengeDifficulty: room.challengeDifficulty,
    paused: room.paused,
  };
}
