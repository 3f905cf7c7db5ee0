import type { JaegerAnswer, JaegerTrace } from './jaeger-api';

// Reads traces from Jaeger's HTTP query API (JAEGER_URL, e.g. http://127.0.0.1:16686).

export interface TraceSearch {
  service: string;
  operation?: string;
  /** A Go duration, as Jaeger takes it: "250ms", "1.5s". */
  minDuration?: string;
  /** Only traces that started in this window (default: Jaeger's, the last hour). */
  start?: Date;
  end?: Date;
  /** At most this many traces (default 20). */
  limit?: number;
}

const goDuration = /^\d+(\.\d+)?(ns|us|µs|ms|s|m|h)$/;

export function isGoDuration(value: string): boolean {
  return goDuration.test(value);
}

export function traceSearchUrl(jaegerUrl: string, search: TraceSearch): string {
  if (search.minDuration !== undefined && !isGoDuration(search.minDuration)) {
    throw new Error(
      `minDuration must be a duration such as 250ms or 1.5s, not "${search.minDuration}"`,
    );
  }
  const url = new URL('/api/traces', jaegerUrl);
  url.searchParams.set('service', search.service);
  if (search.operation) url.searchParams.set('operation', search.operation);
  if (search.minDuration) url.searchParams.set('minDuration', search.minDuration);
  if (search.start) url.searchParams.set('start', String(search.start.getTime() * 1000));
  if (search.end) url.searchParams.set('end', String(search.end.getTime() * 1000));
  url.searchParams.set('limit', String(search.limit ?? 20));
  return url.toString();
}

async function getTraces(url: string): Promise<JaegerTrace[]> {
  const response = await fetch(url);
  const body = (await response.json().catch(() => undefined)) as JaegerAnswer | undefined;
  if (!response.ok || body === undefined) {
    const reason = body?.errors?.map((e) => e.msg).join('; ') ?? `HTTP ${response.status}`;
    throw new Error(`${url}: ${reason}`);
  }
  return body.data ?? [];
}

/** One trace by id; throws when Jaeger does not have it. */
export async function fetchTrace(jaegerUrl: string, traceId: string): Promise<JaegerTrace> {
  if (!/^[0-9a-f]{1,32}$/i.test(traceId)) {
    throw new Error(`a trace id is up to 32 hexadecimal digits, not "${traceId}"`);
  }
  const url = new URL(`/api/traces/${traceId.toLowerCase()}`, jaegerUrl).toString();
  const [trace] = await getTraces(url);
  if (!trace) throw new Error(`Jaeger at ${jaegerUrl} has no trace ${traceId}`);
  return trace;
}

export function searchTraces(jaegerUrl: string, search: TraceSearch): Promise<JaegerTrace[]> {
  return getTraces(traceSearchUrl(jaegerUrl, search));
}
