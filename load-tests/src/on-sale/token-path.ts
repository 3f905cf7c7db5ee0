// The token path of an on-sale (the door's challenge, the join, the paced polls) as k6 counted
// it, against k6's own ceiling measured in the same run.

/** The steps of the token path, as scenarios/lib/call.js tags them. */
export const tokenPathSteps = ['challenge', 'token', 'queue_poll'] as const;

export interface TokenPath {
  /** Requests per step, and in all. */
  requests: Record<(typeof tokenPathSteps)[number], number>;
  total: number;
  /** Requests a second over the whole k6 run (k6's own rate). */
  perSecond: number;
  /** k6's ceiling (probes/k6-ceiling.js against an echo server), requests a second. */
  ceilingPerSecond: number | null;
  /** perSecond / ceilingPerSecond. */
  ofCeiling: number | null;
}

type Metrics = Record<string, { values: Record<string, number> } | undefined>;

export function tokenPathOf(metrics: Metrics, ceilingPerSecond: number | undefined): TokenPath {
  const of = (step: string, stat: string) => metrics[`http_reqs{step:${step}}`]?.values[stat] ?? 0;
  const requests = Object.fromEntries(
    tokenPathSteps.map((step) => [step, of(step, 'count')]),
  ) as TokenPath['requests'];
  const total = tokenPathSteps.reduce((sum, step) => sum + requests[step], 0);
  const perSecond = tokenPathSteps.reduce((sum, step) => sum + of(step, 'rate'), 0);
  const ceiling = ceilingPerSecond && ceilingPerSecond > 0 ? ceilingPerSecond : null;
  return {
    requests,
    total,
    perSecond,
    ceilingPerSecond: ceiling,
    ofCeiling: ceiling === null ? null : perSecond / ceiling,
  };
}
