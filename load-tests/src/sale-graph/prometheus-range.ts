// Prometheus' range queries (/api/v1/query_range): each series of a query over a time window.

export interface RangeSeries {
  labels: Record<string, string>;
  /** [unix seconds, value] */
  points: [number, number][];
}

export interface RangeWindow {
  start: Date;
  end: Date;
  stepSeconds: number;
}

interface RangeAnswer {
  status: 'success' | 'error';
  error?: string;
  data?: { result: { metric: Record<string, string>; values: [number, string][] }[] };
}

export async function queryRange(
  prometheusUrl: string,
  query: string,
  window: RangeWindow,
): Promise<RangeSeries[]> {
  const url = new URL('/api/v1/query_range', prometheusUrl);
  url.searchParams.set('query', query);
  url.searchParams.set('start', String(window.start.getTime() / 1000));
  url.searchParams.set('end', String(window.end.getTime() / 1000));
  url.searchParams.set('step', String(window.stepSeconds));
  const response = await fetch(url);
  const answer = (await response.json().catch(() => undefined)) as RangeAnswer | undefined;
  if (!response.ok || answer?.status !== 'success' || !answer.data) {
    throw new Error(`Prometheus ${query}: ${answer?.error ?? `HTTP ${response.status}`}`);
  }
  return answer.data.result.map((series) => ({
    labels: series.metric,
    points: series.values
      .map(([time, value]): [number, number] => [time, Number(value)])
      // NaN: a quantile of a window without requests.
      .filter(([, value]) => Number.isFinite(value)),
  }));
}
