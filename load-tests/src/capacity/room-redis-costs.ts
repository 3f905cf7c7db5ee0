/**
 * Redis CPU of one waiting room's scripts, measured with `npx tsx
 * load-tests/probes/room-script-cost.ts 200000` against the local Redis 7 (k8s/SCALING.md, "Redis
 * per room": the runs, their load average and spread). Microseconds.
 */
export interface RoomRedisCosts {
  join: number;
  poll: number;
  verify: number;
  /** Per pre-queue token, in the one script that draws them at opensAt. */
  drawPerToken: number;
  /** Per fan admitted, in the one sweep that fills the freed slots. */
  admitPerFan: number;
}

export const measuredRoomRedisCosts: RoomRedisCosts = {
  join: 46.2,
  poll: 43.9,
  verify: 29.8,
  drawPerToken: 9.8,
  admitPerFan: 96.6,
};
