// What the runner found when it checked the system's invariants after a scenario
// (<scenario>.invariants.json): the broken rules, and the figures it counted.
export interface InvariantReport {
  violations: string[];
  figures: Record<string, unknown>;
}

export function parseInvariantReport(json: unknown, file: string): InvariantReport {
  const report = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const { violations, figures } = report;
  if (!Array.isArray(violations) || !violations.every((v) => typeof v === 'string')) {
    throw new Error(`${file}: violations must be an array of strings`);
  }
  const isObject = typeof figures === 'object' && figures !== null && !Array.isArray(figures);
  return { violations, figures: isObject ? (figures as Record<string, unknown>) : {} };
}
