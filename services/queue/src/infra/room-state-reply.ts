import type { RoomState } from '../domain/room-settings';

/** What lua/room-state.lua answered, given the default challenge difficulty. */
export function parseRoomState(
  scheduleId: string,
  reply: unknown[],
  defaultChallengeDifficulty: number,
): RoomState {
  const [activeLimit, rate, activeTtlMs, waitIdleMs, opensAtMs, roomPaused, paused] =
    reply.map(Number);
  const [active, waiting, preQueue, admittedLastMinute, nowMs] = reply.slice(7, 12).map(Number);
  const [difficulty, updatedAt, updatedBy] = reply.slice(12).map(String);
  return {
    scheduleId,
    opensAt: opensAtMs ? new Date(opensAtMs) : null,
    activeLimit: activeLimit!,
    admissionRatePerMinute: rate!,
    activeTtlSeconds: activeTtlMs! / 1000,
    idleDropSeconds: waitIdleMs! / 1000,
    challengeDifficulty: difficulty ? Number(difficulty) : defaultChallengeDifficulty,
    paused: roomPaused === 1,
    admissionPaused: paused === 1,
    active: active!,
    waiting: waiting!,
    preQueue: preQueue!,
    admittedLastMinute: admittedLastMinute!,
    updatedAt: updatedAt ? new Date(Number(updatedAt)) : null,
    updatedBy: updatedBy || null,
    now: new Date(nowMs!),
  };
}
