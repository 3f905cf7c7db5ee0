/**
 * How the waiting rooms admit and forget: fixed at boot from the configuration, the defaults of
 * every room. An admin may override the limit and the rate for all rooms live
 * (waiting-room-settings.ts), and any of them for one room (room-settings.ts).
 */
export interface QueueRules {
  /** How many queue tokens may be ACTIVE at once. */
  activeLimit: number;
  /** Most admissions in any rolling minute; null: no rate limit. */
  admissionRatePerMinute: number | null;
  /** How long an admitted user may shop before the slot goes to the next in line. */
  activeTtlSeconds: number;
  /** How long a WAITING token survives without a poll (the fan closed the tab). */
  waitIdleSeconds: number;
}

/** Admissions from the line within this window give the recent admission rate. */
export const admissionRateWindowSeconds = 60;
