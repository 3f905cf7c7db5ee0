import type { z } from 'zod';
import { Problem, PROBLEM_CONTENT_TYPE } from './problem';

/** Who may call: anyone, any signed-in user (bearer token), or an admin's bearer token. */
export type Caller = 'anyone' | 'user' | 'admin';

export interface ApiResponse {
  description: string;
  /** Absent for an empty body (204) */
  schema?: z.ZodType;
  /** application/json unless stated */
  contentType?: string;
  /** Response headers a client relies on, e.g. Retry-After */
  headers?: Readonly<Record<string, { description: string; schema: z.ZodType }>>;
}

/** One operation of the HTTP API, as the gateway serves it and the OpenAPI document shows it. */
export interface ApiRoute {
  operationId: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI template, e.g. /api/v1/concerts/{concertId}/schedules */
  path: string;
  tag: string;
  summary: string;
  caller: Caller;
  params?: z.ZodObject;
  /** The query parameters the route knows; the gateway forwards these alone, and keys its cache on them. */
  query?: z.ZodObject;
  headers?: z.ZodObject;
  body?: z.ZodType;
  responses: Readonly<Record<number, ApiResponse>>;
}

/** One operation between services: never routed by the gateway, so no caller and no tag. */
export type InternalRoute = Omit<ApiRoute, 'caller' | 'tag'>;

export function json(description: string, schema: z.ZodType): ApiResponse {
  return { description, schema };
}

export function problem(description: string): ApiResponse {
  return { description, schema: Problem, contentType: PROBLEM_CONTENT_TYPE };
}
