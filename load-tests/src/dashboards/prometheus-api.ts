// The two Prometheus HTTP API calls Grafana makes for a dashboard: a range query per target and
// the label values behind a template variable.

export interface RangeAnswer {
  /** Prometheus refused the query (bad PromQL, an unknown function…). */
  error?: string;
  /** Series with at least one number in the range (NaN, e.g. a quantile of no requests, is a gap). */
  series: number;
}

export interface TimeRange {
  start: Date;
  end: Date;
  stepSeconds: number;
}

const seconds = (date: Date) => String(date.getTime() / 1000);

async function get(url: URL): Promise<{ status: string; error?: string; data?: unknown }> {
  const response = await fetch(url);
  return (await response.json()) as { status: string; error?: string; data?: unknown };
}

export async function queryRange(
  prometheusUrl: string,
  query: string,
  { start, end, stepSeconds }: TimeRange,
): Promise<RangeAnswer> {
  const url = new URL('/api/v1/query_range', prometheusUrl);
  url.search = new URLSearchParams({
    query,
    start: seconds(start),
    end: seconds(end),
    step: String(stepSeconds),
  }).toString();
  const answer = await get(url);
  if (answer.status !== 'success') return { error: answer.error ?? answer.status, series: 0 };
  const { result } = answer.data as { result: { values: [number, string][] }[] };
  const drawn = result.filter((series) => series.values.some(([, value]) => value !== 'NaN'));
  return { series: drawn.length };
}

export async function labelValues(
  prometheusUrl: string,
  label: string,
  match: string,
  { start, end }: TimeRange,
): Promise<string[]> {
  const url = new URL(`/api/v1/label/${label}/values`, prometheusUrl);
  url.search = new URLSearchParams({
    'match[]': match,
    start: seconds(start),
    end: seconds(end),
  }).toString();
  const answer = await get(url);
  if (answer.status !== 'success') throw new Error(`${match}: ${answer.error ?? answer.status}`);
  return answer.data as string[];
}
