import { z } from 'zod';
import type { ApiResponse, ApiRoute } from './api/api-route';
import { apiComponents } from './api/components';
import { QUEUE_TOKEN_HEADER } from './api/queue';
import { responsesOfKind } from './api/route-kind-responses';
import { routes } from './api/routes';
import { withPortablePatterns } from './portable-patterns';

export type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  tags: { name: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, Record<string, string>>;
  };
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  tags: string[];
  security?: Record<string, string[]>[];
  parameters?: Record<string, unknown>[];
  requestBody?: { required: true; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, OpenApiResponse>;
}

export interface OpenApiResponse {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, { schema: JsonSchema }>;
}

const COMPONENTS = '#/components/schemas/';

/** OpenAPI 3.1 description of the HTTP API, generated from the same zod schemas that validate it. */
export function buildOpenApiDocument(): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method] = operationOf(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Headliner API',
      version: '1.0.0',
      description:
        'Concert-ticket booking. Amounts are whole won. Errors are application/problem+json ' +
        '(RFC 9457). Holding a seat and paying need an ACTIVE queue token in X-Queue-Token.',
    },
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'accessToken from login' },
        queueToken: {
          type: 'apiKey',
          in: 'header',
          name: headerName(QUEUE_TOKEN_HEADER),
          description: 'queueToken from enterQueue; holds and payments need it ACTIVE',
        },
      },
    },
  };
}

function operationOf(route: ApiRoute): OpenApiOperation {
  const admin = route.caller === 'admin' ? ' Requires an admin account.' : '';
  // The queue token is a security scheme rather than a parameter, so a client (Swagger UI's
  // Authorize) is given it once and sends it with every operation that asks for it.
  const { [QUEUE_TOKEN_HEADER]: queueToken, ...headers } = route.headers?.shape ?? {};
  const parameters = [
    ...parametersOf(route.params?.shape, 'path'),
    ...parametersOf(route.query?.shape, 'query'),
    ...parametersOf(headers, 'header'),
  ];
  return {
    operationId: route.operationId,
    summary: route.summary + admin,
    tags: [route.tag],
    ...(route.caller !== 'anyone' && {
      security: [{ bearerAuth: [], ...(queueToken && { queueToken: [] }) }],
    }),
    ...(parameters.length > 0 && { parameters }),
    ...(route.body && {
      requestBody: {
        required: true,
        content: { 'application/json': { schema: schemaOf(route.body) } },
      },
    }),
    // Every status the operation can answer: those of its kind, then its own.
    responses: Object.fromEntries(
      Object.entries({ ...responsesOfKind(route), ...route.responses }).map(
        ([status, response]) => [status, responseOf(response)],
      ),
    ),
  };
}

function parametersOf(
  shape: Record<string, z.ZodType> | undefined,
  location: 'path' | 'query' | 'header',
) {
  return Object.entries(shape ?? {}).map(([key, field]) => ({
    name: location === 'header' ? headerName(key) : key,
    in: location,
    required: !field.isOptional(),
    schema: schemaOf(field),
  }));
}

function responseOf({ description, schema, contentType, headers }: ApiResponse): OpenApiResponse {
  return {
    description,
    ...(headers && {
      headers: Object.fromEntries(
        Object.entries(headers).map(([name, header]) => [
          name,
          { description: header.description, schema: schemaOf(header.schema) },
        ]),
      ),
    }),
    ...(schema && {
      content: { [contentType ?? 'application/json']: { schema: schemaOf(schema) } },
    }),
  };
}

function schemaOf(schema: z.ZodType): JsonSchema {
  const component = apiComponents.get(schema);
  if (component) return { $ref: COMPONENTS + component.id };
  return withPortablePatterns(withoutDialect(z.toJSONSchema(schema, { io: 'input' })));
}

function componentSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(apiComponents, { io: 'input', uri: (id) => COMPONENTS + id });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, s]) => [id, withPortablePatterns(withoutDialect(s))]),
  );
}

// The document declares the dialect once (OpenAPI 3.1 defaults to JSON Schema 2020-12), and a
// fragment-only $id is not a valid 2020-12 $id.
function withoutDialect(schema: JsonSchema): JsonSchema {
  return Object.fromEntries(
    Object.entries(schema).filter(([key]) => key !== '$schema' && key !== '$id'),
  );
}

// Node lower-cases header names; the document shows them as people write them.
function headerName(key: string): string {
  return key.replace(
    /(^|-)([a-z])/g,
    (_match, dash: string, letter: string) => dash + letter.toUpperCase(),
  );
}
