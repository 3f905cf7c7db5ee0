/**
 * The queue's keys. `forScripts` lists the ones every script takes as KEYS; a room's keys (one
 * room per schedule) are derived from the prefix inside the scripts the same way as here.
 */
export function queueKeys(prefix: string) {
  const settings = `${prefix}settings`;
  const rooms = `${prefix}rooms`;
  return {
    /** The global controls (issue 14): defaults of every room, and a pause of them all. */
    settings,
    /** The SET of rooms with live tokens, which the sweep visits. */
    rooms,
    forScripts: [settings, rooms],
    token: (queueToken: string) => `${prefix}token:${queueToken}`,
    room(scheduleId: string) {
      const room = `${prefix}room:${scheduleId}:`;
      return {
        waiting: `${room}waiting`,
        active: `${room}active`,
        waitingSeen: `${room}waiting-seen`,
        admissions: `${room}admissions`,
        sequence: `${room}sequence`,
        settings: `${room}settings`,
        admitted: `${room}admitted`,
        preQueue: `${room}pre-queue`,
        user: (userId: string) => `${room}user:${userId}`,
      };
    },
  };
}

export type QueueKeys = ReturnType<typeof queueKeys>;
