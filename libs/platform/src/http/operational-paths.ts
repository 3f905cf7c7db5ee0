// Endpoints for probes and scrapers. They are kept out of request logs, request metrics and
// traces, which would otherwise fill up with a line every few seconds per replica.
export const livenessPath = '/health/live';
export const readinessPath = '/health/ready';
export const metricsPath = '/metrics';

/** What a load balancer or a k8s probe asks on the public port. */
export function isProbePath(path: string | undefined): boolean {
  return path === livenessPath || path === readinessPath;
}

/** The probes and the scrape endpoint, wherever they are served. */
export function isOperationalPath(path: string | undefined): boolean {
  return isProbePath(path) || path === metricsPath;
}
