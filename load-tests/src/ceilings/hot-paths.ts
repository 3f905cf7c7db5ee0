// The hot paths the ceilings scenario (scenarios/ceilings.js) measures, in its order: its name for
// each, what the report calls it, and the step whose requests count (the hold's release does not).
export const hotPaths = [
  { name: 'seat-map', label: 'cached seat map', step: 'seats' },
  { name: 'token', label: 'token issue', step: 'token' },
  { name: 'poll', label: 'token poll', step: 'queue_poll' },
  { name: 'balance', label: 'balance read', step: 'balance' },
  { name: 'hold', label: 'hold', step: 'hold' },
] as const;

export type HotPath = (typeof hotPaths)[number];
export type HotPathName = HotPath['name'];

/** The system, the bare server, and the bare chain (two bare Node hops and the path's store). */
export const targets = ['real', 'bare', 'chain'] as const;
export type Target = (typeof targets)[number];

/** The key of a k6 summary's submetric for one path on one side, as the script's thresholds name it. */
export function submetricKey(metric: string, path: HotPath, target: Target): string {
  return `${metric}{ceiling:${path.name},target:${target},step:${path.step}}`;
}
