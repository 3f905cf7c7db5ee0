// The PromQL pieces both dashboards build their queries from.

/** A PromQL label selector: `{a="x", b=~"y"}` from [label, operator, value] triples. */
export function selector(...matchers) {
  return `{${matchers.map(([label, op, value]) => `${label}${op}"${value}"`).join(', ')}}`;
}

/** A counter's per-second rate over Grafana's rate interval. */
export const rate = (metric, labels) => `rate(${metric}${labels}[$__rate_interval])`;

/**
 * A ratio of events that are often none (errors, conflicts): the numerator falls back to the
 * denominator's series times zero, so the panel reads 0 rather than no data while the metric
 * exists, and still shows no data when it does not (renamed, not scraped).
 */
export const shareOf = (part, whole, by) =>
  `(sum by (${by}) (${part}) or sum by (${by}) (${whole}) * 0) / sum by (${by}) (${whole})`;
