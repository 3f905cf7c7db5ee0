import { apiRoutes, buildOpenApiDocument, expressPath, internalRoutes } from '../src';

describe('when a router mounts a route of the contract', () => {
  it('finds each public operation under its operationId', () => {
    for (const [operation, route] of Object.entries(apiRoutes)) {
      expect(route.operationId).toBe(operation);
    }
  });

  it('mounts every {parameter} of the template as an express :parameter', () => {
    expect(expressPath(apiRoutes.createSchedule)).toBe(
      '/api/v1/admin/concerts/:concertId/schedules',
    );
    expect(expressPath(apiRoutes.getSeatMap)).toBe('/api/v1/schedules/:scheduleId/seats');
  });

  it('mounts a path without parameters as it is', () => {
    expect(expressPath(apiRoutes.enterQueue)).toBe('/api/v1/queue/tokens');
  });
});

describe('when services call each other', () => {
  const documented = Object.keys(buildOpenApiDocument().paths);

  it.each(Object.values(internalRoutes))('keeps $path under /internal', (route) => {
    expect(route.path).toMatch(/^\/internal\//);
  });

  it.each(Object.values(internalRoutes))('leaves $path out of the public document', (route) => {
    expect(documented).not.toContain(route.path);
  });

  it('keeps public paths out of /internal', () => {
    for (const route of Object.values(apiRoutes)) expect(route.path).not.toMatch(/^\/internal\//);
  });
});
