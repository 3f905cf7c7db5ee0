import { serviceNames, type Service } from '@headliner/system';

// Each service's resident memory (prom-client's default process_resident_memory_bytes on
// /metrics), sampled while a scenario runs, to see whether a long run makes it grow.

export interface MemorySample {
  atMs: number;
  rssBytes: number;
}

export type MemorySeries = Partial<Record<Service, MemorySample[]>>;

async function residentBytes(managementUrl: string): Promise<number | undefined> {
  try {
    const text = await (await fetch(`${managementUrl}/metrics`)).text();
    const match = /^process_resident_memory_bytes (\d+(?:\.\d+)?(?:e\+\d+)?)$/m.exec(text);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Samples every `everyMs` until stop() resolves with the series. */
export function sampleMemory(managementUrl: (service: Service) => string, everyMs = 5000) {
  const series: MemorySeries = {};
  const started = Date.now();
  const sample = async () => {
    await Promise.all(
      serviceNames.map(async (service) => {
        const rssBytes = await residentBytes(managementUrl(service));
        if (rssBytes !== undefined) {
          (series[service] ??= []).push({ atMs: Date.now() - started, rssBytes });
        }
      }),
    );
  };
  let pending = sample();
  const timer = setInterval(() => {
    pending = pending.then(sample);
  }, everyMs);
  return {
    stop: async (): Promise<MemorySeries> => {
      clearInterval(timer);
      await pending;
      await sample();
      return series;
    },
  };
}

/** The largest growth of any service from first to last sample, in MiB, with its name. */
export function largestGrowth(series: MemorySeries): { service: string; mib: number } | undefined {
  const growths = Object.entries(series).map(([service, samples]) => ({
    service,
    mib: ((samples.at(-1)?.rssBytes ?? 0) - (samples[0]?.rssBytes ?? 0)) / 2 ** 20,
  }));
  return growths.sort((a, b) => b.mib - a.mib)[0];
}
