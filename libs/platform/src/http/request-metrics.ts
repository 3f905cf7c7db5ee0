import type { RequestHandler } from 'express';
import { Counter, Histogram, type Registry } from 'prom-client';
import { matchedRoute, recordMatchedRoute } from './matched-route';

const name = 'http_request_duration_seconds';
const errorsName = 'http_server_errors_total';

// Exported at 0 from the start: rate() cannot see a series' first increase, and a fault's first
// seconds of 503s would otherwise vanish into the series they create.
const usualServerErrors = ['500', '502', '503', '504'];

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
  const serverErrors = serverErrorsCounter(registry);

  return (req, res, next) => {
    recordMatchedRoute(req);
    // Not histogram.startTimer, which makes two hrtime arrays, a closure and a merged label
    // object per request.
    const startedAt = performance.now();
    res.once('finish', () => {
      const status_code = String(res.statusCode);
      const route = matchedRoute(req) ?? 'unmatched';
      histogram.observe(
        { method: req.method, route, status_code },
        (performance.now() - startedAt) / 1000,
      );
      if (res.statusCode >= 500) serverErrors.inc({ status_code });
    });
    next();
  };
}

/** Every 5xx answer by status code alone: the fast error alert's numerator, cheap to keep at 0. */
function serverErrorsCounter(registry: Registry): Counter<'status_code'> {
  const existing = registry.getSingleMetric(errorsName) as Counter<'status_code'> | undefined;
  if (existing) return existing;
  const counter = new Counter({
    name: errorsName,
    help: 'HTTP answers with a 5xx status on the public port, by status code',
    labelNames: ['status_code'],
    registers: [registry],
  });
  for (const status_code of usualServerErrors) counter.inc({ status_code }, 0);
  return counter;
}
