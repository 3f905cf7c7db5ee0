import { apiRoutes, expressPath } from '@headliner/contracts';
import type { RequestSeries } from '@headliner/platform';

// The booking SLO (deploy/observability/prometheus/rules/booking-slo.yml) counts the gateway's
// 5xx answers to these POSTs. Each of their 5xx series is exported from the start, so the first
// failures of a fault (PostgreSQL restarting, a breaker opening) count in rate() at once.
const bookingRoutes = [apiRoutes.enterQueue, apiRoutes.holdSeat, apiRoutes.pay];
const failures = ['500', '502', '503', '504'];

export const bookingSloSeries: readonly RequestSeries[] = bookingRoutes.flatMap((route) =>
  failures.map((status_code) => ({
    route: expressPath(route),
    method: route.method.toUpperCase(),
    status_code,
  })),
);
