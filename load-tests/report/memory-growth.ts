import { markdownTable } from './markdown-table';

// Each service's resident memory as the runner sampled it during a scenario
// (<scenario>.memory.json: {service: [{atMs, rssBytes}]}), to see whether a long run grows it.

export interface MemorySample {
  atMs: number;
  rssBytes: number;
}

export type MemorySeries = Record<string, MemorySample[]>;

const isSample = (value: unknown): value is MemorySample =>
  typeof (value as MemorySample | null)?.atMs === 'number' &&
  typeof (value as MemorySample | null)?.rssBytes === 'number';

/** Keeps only well-formed samples: memory is a side figure, never a reason to lose the report. */
export function parseMemorySeries(json: unknown): MemorySeries {
  if (typeof json !== 'object' || json === null) return {};
  return Object.fromEntries(
    Object.entries(json)
      .map(([service, samples]): [string, MemorySample[]] => [
        service,
        Array.isArray(samples) ? samples.filter(isSample) : [],
      ])
      .filter(([, samples]) => samples.length > 0),
  );
}

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const signedMib = (bytes: number): string => `${bytes >= 0 ? '+' : '-'}${mib(Math.abs(bytes))}`;

/**
 * Growth over the run's second half: a heap grows to its working size first (in a 30-minute soak
 * on a busy machine, up to 15 minutes), and only what it does after that says whether it leaks.
 */
export function settledGrowthBytes(samples: MemorySample[]): number {
  const last = samples[samples.length - 1];
  if (!last) return 0;
  const settled = samples.find((sample) => sample.atMs >= last.atMs / 2) ?? last;
  return last.rssBytes - settled.rssBytes;
}

export function memorySection(series: MemorySeries): string {
  const services = Object.entries(series).sort(([a], [b]) => a.localeCompare(b));
  const rows = services.map(([service, samples]) => {
    const first = samples[0]?.rssBytes ?? 0;
    const last = samples[samples.length - 1]?.rssBytes ?? 0;
    const peak = Math.max(...samples.map((s) => s.rssBytes));
    const span = ((samples[samples.length - 1]?.atMs ?? 0) / 1000).toFixed(0);
    return [
      service,
      String(samples.length),
      `${span} s`,
      mib(first),
      mib(last),
      mib(peak),
      signedMib(last - first),
      signedMib(settledGrowthBytes(samples)),
    ];
  });
  if (rows.length === 0) return 'Memory: no samples.';
  const header = ['service', 'samples', 'over', 'first', 'last', 'peak', 'growth', 'second half'];
  return `Resident memory:\n\n${markdownTable(header, rows, [1, 2, 3, 4, 5, 6, 7])}`;
}
