import { buildOpenApiDocument } from '../src';

const document = buildOpenApiDocument();

// The public API table of the contract, with every status it documents.
const documented: [string, string, number[]][] = [
  ['post', '/api/v1/auth/signup', [201, 409, 429]],
  ['post', '/api/v1/auth/login', [200, 401, 429]],
  ['post', '/api/v1/auth/refresh', [200, 401]],
  ['post', '/api/v1/auth/logout', [204]],
  ['get', '/api/v1/concerts', [200, 400]],
  ['get', '/api/v1/concerts/{concertId}/schedules', [200]],
  ['get', '/api/v1/schedules/{scheduleId}/seats', [200]],
  ['post', '/api/v1/queue/tokens', [201, 200, 400, 403, 404, 429]],
  ['get', '/api/v1/queue/challenge', [200, 400, 404, 429]],
  ['get', '/api/v1/queue/tokens/current', [200, 404, 410]],
  ['delete', '/api/v1/queue/tokens/current', [204]],
  ['get', '/api/v1/schedules/{scheduleId}/queue/stats', [200]],
  ['post', '/api/v1/reservations', [201, 409, 403]],
  ['get', '/api/v1/reservations/{reservationId}', [200]],
  ['post', '/api/v1/schedules/{scheduleId}/waitlist', [201, 200, 404, 409]],
  ['get', '/api/v1/schedules/{scheduleId}/waitlist', [200]],
  ['delete', '/api/v1/schedules/{scheduleId}/waitlist', [204]],
  ['get', '/api/v1/reservations', [200, 400]],
  ['delete', '/api/v1/reservations/{reservationId}', [204, 404, 409]],
  ['post', '/api/v1/reservations/{reservationId}/cancellation', [202, 404, 409, 422]],
  ['post', '/api/v1/payments', [200, 402, 409, 202, 422]],
  ['post', '/api/v1/wallet/charges', [200]],
  ['get', '/api/v1/wallet', [200]],
  ['get', '/api/v1/wallet/transactions', [200, 400]],
  ['post', '/api/v1/admin/concerts', [201]],
  ['post', '/api/v1/admin/concerts/{concertId}/schedules', [201, 409]],
  ['get', '/api/v1/admin/waiting-room', [200, 401, 403]],
  ['patch', '/api/v1/admin/waiting-room', [200, 400, 401, 403]],
  ['post', '/api/v1/admin/waiting-room/pause', [200, 401, 403]],
  ['post', '/api/v1/admin/waiting-room/resume', [200, 401, 403]],
  ['get', '/api/v1/admin/schedules/{scheduleId}/waiting-room', [200, 401, 403]],
  ['put', '/api/v1/admin/schedules/{scheduleId}/waiting-room', [200, 400, 401, 403, 404]],
  ['post', '/api/v1/admin/schedules/{scheduleId}/waiting-room/pause', [200, 401, 403, 404]],
  ['post', '/api/v1/admin/schedules/{scheduleId}/waiting-room/resume', [200, 401, 403, 404]],
  ['put', '/api/v1/admin/schedules/{scheduleId}/sale-hold', [200, 404]],
  ['delete', '/api/v1/admin/schedules/{scheduleId}/sale-hold', [200, 404]],
  ['get', '/health/live', [200, 503]],
  ['get', '/health/ready', [200, 503]],
];

const publicOperations = new Set([
  'post /api/v1/auth/signup',
  'post /api/v1/auth/login',
  'post /api/v1/auth/refresh',
  'post /api/v1/auth/logout',
  'get /api/v1/concerts',
  'get /api/v1/concerts/{concertId}/schedules',
  'get /api/v1/schedules/{scheduleId}/seats',
  'get /api/v1/schedules/{scheduleId}/queue/stats',
  'get /health/live',
  'get /health/ready',
]);

const queueTokenOperations = new Set([
  'get /api/v1/queue/tokens/current',
  'delete /api/v1/queue/tokens/current',
  'post /api/v1/reservations',
]);

function operation(method: string, path: string) {
  const found = document.paths[path]?.[method];
  if (!found) throw new Error(`${method} ${path} is not documented`);
  return found;
}

function headersOf(method: string, path: string): string[] {
  return (operation(method, path).parameters ?? [])
    .filter((parameter) => parameter.in === 'header')
    .map((parameter) => String(parameter.name));
}

describe('the OpenAPI document', () => {
  // The document clients generate code from: a change to it must be deliberate and reviewed
  // (`npx jest libs/contracts/test/openapi.test.ts -u` rewrites the snapshot).
  it('is the document clients were given', () => {
    expect(document).toMatchSnapshot();
  });

  it('is OpenAPI 3.1 and survives JSON serialisation', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it.each(documented)('documents %s %s with its statuses', (method, path, statuses) => {
    const responses = Object.keys(operation(method, path).responses).map(Number);
    expect(responses).toEqual(expect.arrayContaining(statuses));
  });

  it('documents nothing beyond the contract', () => {
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method} ${path}`),
    );
    expect(operations.sort()).toEqual(documented.map(([m, p]) => `${m} ${p}`).sort());
  });

  it.each(documented)(
    'asks for a bearer token on %s %s unless it is public, and the queue token where the contract does',
    (method, path) => {
      const security = operation(method, path).security;
      const key = `${method} ${path}`;
      if (publicOperations.has(key)) expect(security).toBeUndefined();
      else if (queueTokenOperations.has(key))
        expect(security).toEqual([{ bearerAuth: [], queueToken: [] }]);
      else expect(security).toEqual([{ bearerAuth: [] }]);
    },
  );

  // What each layer a request crosses can answer, whatever the operation: the fuzzer flags any
  // status the document does not list for the operation that answered it.
  it.each(documented)(
    'documents every status its kind of route can answer on %s %s',
    (method, path) => {
      const { responses, security, requestBody, parameters, tags } = operation(method, path);
      const expected = [
        ...(requestBody || parameters ? [400] : []),
        ...(requestBody ? [413] : []),
        ...(security ? [401] : []),
        ...(path.startsWith('/api/v1/admin/') || queueTokenOperations.has(`${method} ${path}`)
          ? [403]
          : []),
        ...(path.startsWith('/api/') ? [429, 503] : []),
        ...(path.startsWith('/api/') && !tags.includes('auth') ? [502, 504] : []),
      ];
      expect(Object.keys(responses).map(Number)).toEqual(expect.arrayContaining(expected));
    },
  );

  it.each(documented.filter(([, path]) => path.startsWith('/api/')))(
    'tells when to retry on %s %s: Retry-After with 429 and 503',
    (method, path) => {
      const { responses } = operation(method, path);
      for (const status of ['429', '503']) {
        expect(responses[status]?.headers?.['Retry-After']).toMatchObject({
          schema: { type: 'integer' },
        });
      }
    },
  );

  it.each([
    ['post', '/api/v1/queue/tokens', '201'],
    ['post', '/api/v1/queue/tokens', '200'],
    ['get', '/api/v1/queue/tokens/current', '200'],
  ])('tells when to poll again on %s %s %s: Retry-After', (method, path, status) => {
    expect(operation(method, path).responses[status]?.headers?.['Retry-After']).toMatchObject({
      schema: { type: 'integer', minimum: 0 },
    });
  });

  it('declares the bearer scheme', () => {
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
  });

  it('declares the queue token as a header a client sends once authorised', () => {
    expect(document.components.securitySchemes.queueToken).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'X-Queue-Token',
    });
  });

  it('serves every error as problem+json', () => {
    for (const [method, path] of documented) {
      for (const [status, response] of Object.entries(operation(method, path).responses)) {
        if (Number(status) < 400 || path.startsWith('/health/')) continue;
        expect(response.content).toEqual({
          'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
        });
      }
    }
  });

  it('asks for the idempotency key where the contract does, the queue token only as a scheme', () => {
    expect(headersOf('get', '/api/v1/queue/tokens/current')).toEqual([]);
    expect(headersOf('delete', '/api/v1/queue/tokens/current')).toEqual([]);
    expect(headersOf('post', '/api/v1/reservations')).toEqual([]);
    expect(headersOf('post', '/api/v1/payments')).toEqual(['Idempotency-Key']);
    expect(headersOf('post', '/api/v1/wallet/charges')).toEqual(['Idempotency-Key']);
  });

  it('declares every path parameter of every templated path', () => {
    for (const [method, path] of documented) {
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const declared = (operation(method, path).parameters ?? [])
        .filter((parameter) => parameter.in === 'path')
        .map((parameter) => parameter.name);
      expect(declared).toEqual(templated);
    }
  });

  it('gives each request body its named, closed schema', () => {
    const body = operation('post', '/api/v1/reservations').requestBody;
    expect(body?.content['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/HoldSeatRequest',
    });
    expect(document.components.schemas.HoldSeatRequest).toMatchObject({
      required: ['scheduleId', 'seatId'],
      additionalProperties: false,
    });
  });

  it('resolves every $ref in the document', () => {
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(30);
    for (const ref of refs) expect([ref, resolve(ref)]).toEqual([ref, expect.anything()]);
  });
});

function refsIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refsIn);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string' ? [value] : refsIn(value),
  );
}

function resolve(ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>(
      (node, token) =>
        typeof node === 'object' && node !== null && Object.hasOwn(node, token)
          ? (node as Record<string, unknown>)[token]
          : undefined,
      document,
    );
}
