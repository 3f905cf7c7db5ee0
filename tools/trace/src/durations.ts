// Durations as a person reads them, from microseconds (Jaeger's unit).

export function formatMicros(us: number): string {
  if (us < 1000) return `${Math.round(us)} µs`;
  if (us < 1_000_000) return `${(us / 1000).toFixed(us < 10_000 ? 2 : us < 100_000 ? 1 : 0)} ms`;
  return `${(us / 1_000_000).toFixed(2)} s`;
}

/** Round tick steps (1, 2, 5 × a power of ten) from zero to at least `totalUs`. */
export function timeTicks(totalUs: number, aboutTicks = 5): number[] {
  if (!(totalUs > 0)) return [0];
  const rough = totalUs / aboutTicks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((m) => rough <= m * magnitude) ?? 10) * magnitude;
  const count = Math.floor(totalUs / step + 1e-9);
  return Array.from({ length: count + 1 }, (_, i) => i * step);
}
