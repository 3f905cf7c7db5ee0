import { check } from 'k6';
import http from 'k6/http';
import { BASE_URL } from './env.js';
import { trendOf } from './step-trends.js';

// A few failed answers per VU say what went wrong; thousands would bury the summary.
const FAILURES_LOGGED_PER_VU = 3;
let failuresLogged = 0;

/**
 * One public API call as a step of a fan: tagged with its step, its route (not the URL, which
 * would make a time series per id) and whether it is queue waiting; timed into the step's Trend;
 * checked for an expected status and the body's shape. `answers` maps each expected status to a
 * predicate on the parsed body (null: no body expected); any other status counts as a failed
 * request. Returns { status, body, ok, duration }; body is undefined unless the status was expected.
 * `raw: true` hands the predicate the body text unparsed, for reads too hot to parse each time.
 * `baseUrl` sends it elsewhere than BASE_URL (the ceilings' bare server).
 */
export function call(step, method, route, options) {
  const { path = route, body, session, queueToken, idempotencyKey, answers } = options;
  const baseUrl = options.baseUrl ?? BASE_URL;
  const queueWait = options.queueWait === true;
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (session) headers.Authorization = `Bearer ${session.accessToken}`;
  if (queueToken) headers['X-Queue-Token'] = queueToken;
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  const tags = { step, name: `${method} ${route}`, queue_wait: String(queueWait), ...options.tags };
  const expected = Object.keys(answers).map(Number);

  const res = http.request(
    method,
    baseUrl + path,
    body === undefined ? null : JSON.stringify(body),
    {
      headers,
      tags,
      responseCallback: http.expectedStatuses(...expected),
    },
  );
  trendOf(step).add(res.timings.duration, tags);

  const shape = answers[res.status];
  const parsed = shape === undefined ? undefined : options.raw === true ? res.body : parse(res);
  const ok = check(
    res,
    {
      [`${step}: status ${expected.join(' or ')}`]: () => shape !== undefined,
      [`${step}: body shape`]: () => shape !== undefined && shapeHolds(shape, parsed),
    },
    tags,
  );
  if (!ok && failuresLogged < FAILURES_LOGGED_PER_VU) {
    failuresLogged += 1;
    console.warn(`${step} ${method} ${path}: ${res.status} ${String(res.body).slice(0, 200)}`);
  }
  return { status: res.status, body: parsed, ok, duration: res.timings.duration };
}

function parse(res) {
  if (!res.body) return null;
  try {
    return JSON.parse(res.body);
  } catch {
    return undefined;
  }
}

function shapeHolds(shape, parsed) {
  if (shape === null) return parsed === null;
  return parsed !== undefined && parsed !== null && shape(parsed) === true;
}

/** The shape of an application/problem+json answer. */
export function isProblem(body) {
  return typeof body.title === 'string' && typeof body.status === 'number';
}
