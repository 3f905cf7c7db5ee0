import type { RequestHandler } from 'express';
import { Histogram, type Registry } from 'prom-client';
import { matchedRoute, recordMatchedRoute } from './matched-route';

const name = 'http_request_duration_seconds';

/** One series of the request histogram, by its labels. */
export interface RequestSeries {
  route: string;
  method: string;
  status_code: string;
}

/**
 * Observes every request's duration, labelled by route pattern (never the raw URL: cardinality).
 * `zeroed` series are exported at 0 from the start: rate() and increase() cannot see a series'
 * first requests, so the first 503s of a route would be invisible to an alert on them.
 */
export function requestMetrics(
  registry: Registry,
  zeroed: readonly RequestSeries[] = [],
): RequestHandler {
  const histogram =
    (registry.getSingleMetric(name) as Histogram<'route' | 'method' | 'status_code'> | undefined) ??
    new Histogram({
      name,
      help: 'Duration of HTTP requests by route pattern, method and status code',
      labelNames: ['route', 'method', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
  for (const series of zeroed) histogram.zero(series);

  return (req, res, next) => {
    recordMatchedRoute(req);
    const stopTimer = histogram.startTimer({ method: req.method });
    res.once('finish', () => {
      stopTimer({ route: matchedRoute(req) ?? 'unmatched', status_code: String(res.statusCode) });
    });
    next();
  };
}
