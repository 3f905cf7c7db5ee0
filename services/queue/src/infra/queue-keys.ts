/** The queue's shared keys. `forScripts` lists them in the order the scripts take them as KEYS. */
export function queueKeys(prefix: string) {
  const keys = {
    waiting: `${prefix}waiting`,
    active: `${prefix}active`,
    waitingSeen: `${prefix}waiting-seen`,
    admissions: `${prefix}admissions`,
    sequence: `${prefix}sequence`,
    settings: `${prefix}settings`,
    admitted: `${prefix}admitted`,
  };
  return {
    ...keys,
    forScripts: [
      keys.waiting,
      keys.active,
      keys.waitingSeen,
      keys.admissions,
      keys.sequence,
      keys.settings,
      keys.admitted,
    ],
  };
}
