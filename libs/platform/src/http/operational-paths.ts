// Endpoints for probes and scrapers. They are kept out of request logs, request metrics and
// traces, which would otherwise fill up with a line every few seconds per replica.
export const livenessPath = '/health/live';
export const readinessPath = '/health/ready';
export const metricsPath = '/metrics';

export function isOperationalPath(path: string | undefined): boolean {
  return path === livenessPath || path === readinessPath || path === metricsPath;
}
