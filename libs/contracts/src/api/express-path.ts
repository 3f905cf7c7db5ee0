import type { ApiRoute } from './api-route';

/** The path a router mounts: `/concerts/{concertId}/schedules` → `/concerts/:concertId/schedules`. */
export function expressPath(route: Pick<ApiRoute, 'path'>): string {
  return route.path.replace(/\{(\w+)\}/g, ':$1');
}
