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

export function memorySection(series: MemorySeries): string {
  const services = Object.entries(series).sort(([a], [b]) => a.localeCompare(b));
  const rows = services.map(([service, samples]) => {
    const first = samples[0]?.rssBytes ?? 0;
    const last = samples[samples.length - 1]?.rssBytes ?? 0;
    const peak = Math.max(...samples.map((s) => s.rssBytes));
    const growth = last - first;
    const span = ((samples[samples.length - 1]?.atMs ?? 0) / 1000).toFixed(0);
    return [
      service,
      String(samples.length),
      `${span} s`,
      mib(first),
      mib(last),
      mib(peak),
      `${growth >= 0 ? '+' : '-'}${mib(Math.abs(growth))}`,
    ];
  });
  if (rows.length === 0) return 'Memory: no samples.';
  const header = ['service', 'samples', 'over', 'first', 'last', 'peak', 'growth'];
  return `Resident memory:\n\n${markdownTable(header, rows, [1, 2, 3, 4, 5, 6])}`;
}
