import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { scrapeSystem, serviceNames, type System } from '@headliner/system';
import { saleGraphSvg } from './sale-graph/sale-graph';

// BENCH_METRICS=on: the local Prometheus scrapes each scenario's system while it runs
// (system=bench-<run>-<scenario>), and the report shows the scenario as a sale graph drawn from
// what Prometheus recorded.

/** Prometheus scrapes every 5 s (deploy/observability/prometheus): one more scrape after the run. */
export const lastScrapeMs = 6_000;

export function benchMetrics(env = process.env): { prometheusUrl: string } | undefined {
  if (env.BENCH_METRICS !== 'on') return undefined;
  if (!env.PROMETHEUS_URL) {
    throw new Error(
      'BENCH_METRICS=on needs the local Prometheus (PROMETHEUS_URL in .local/infra.env)',
    );
  }
  return { prometheusUrl: env.PROMETHEUS_URL };
}

export const saleGraphFile = (scenario: string) => `${scenario}.sale.svg`;

export const benchSystemLabel = (runDir: string, scenario: string) =>
  `bench-${path.basename(runDir)}-${scenario}`;

/**
 * Has Prometheus scrape the system and waits (up to 30 s) until it has, so the graph starts with
 * the run; returns the function that stops the scraping.
 */
export async function scrapeBenchSystem(
  prometheusUrl: string,
  system: System,
  label: string,
): Promise<() => void> {
  const stop = scrapeSystem(label, (service) => system.managementUrl(service));
  const url = new URL('/api/v1/query', prometheusUrl);
  url.searchParams.set('query', `count(up{system="${label}"} == 1)`);
  for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
    // Never throws: the system is up and must be stopped by the caller; a Prometheus that does
    // not answer fails the graph, later, with its reason.
    const answer = (await fetch(url)
      .then((response) => response.json())
      .catch(() => undefined)) as { data?: { result?: { value: [number, string] }[] } } | undefined;
    if (answer?.data?.result?.[0]?.value[1] === String(serviceNames.length)) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return stop;
}

export async function writeSaleGraph(
  prometheusUrl: string,
  runDir: string,
  scenario: string,
  system: string,
  window: { start: Date; end: Date },
): Promise<string> {
  const svg = await saleGraphSvg({
    prometheusUrl,
    system,
    window: { ...window, stepSeconds: 5 },
    title: `${scenario}: the sale as Prometheus saw it`,
    subtitle: `system ${system}, ${window.start.toISOString()} to ${window.end.toISOString()}, 5 s steps, rates over 20 s`,
  });
  const file = path.join(runDir, saleGraphFile(scenario));
  await writeFile(file, svg);
  return file;
}
