// A linear axis from zero with round tick steps (1, 2, 2.5 or 5 × a power of ten).
export interface Axis {
  max: number;
  ticks: number[];
}

export function linearAxis(largest: number, aboutTicks = 5): Axis {
  if (!(largest > 0)) return { max: 1, ticks: [0, 1] };
  const rough = largest / aboutTicks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => rough <= m * magnitude) ?? 10) * magnitude;
  const count = Math.ceil(largest / step - 1e-9);
  const ticks = Array.from({ length: count + 1 }, (_, i) => Number((i * step).toPrecision(12)));
  return { max: ticks[ticks.length - 1] ?? step, ticks };
}
