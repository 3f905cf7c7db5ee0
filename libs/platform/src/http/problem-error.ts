/**
 * Base of every problem type URI. Types are part of the public API that clients switch on:
 * never rename one, add a new one instead.
 */
export const problemTypeBase = 'https://headliner.dev/problems/';

export interface ProblemInit {
  status: number;
  title: string;
  detail?: string;
  /** Slug appended to problemTypeBase, e.g. 'seat-already-held'. Defaults from the title. */
  type?: string;
  /** Extension members rendered next to the standard ones, e.g. `errors` or `balance`. */
  extensions?: Record<string, unknown>;
  /** Response headers that belong with the problem, e.g. Retry-After. */
  headers?: Record<string, string>;
  cause?: unknown;
}

type Shortcut = Omit<ProblemInit, 'status' | 'title' | 'detail'> & { title?: string };

/** An error that answers the request as an RFC 9457 application/problem+json document. */
export class ProblemError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly type: string;
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(init: ProblemInit) {
    super(init.detail ?? init.title, { cause: init.cause });
    this.name = 'ProblemError';
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.type = problemTypeBase + (init.type ?? slugOf(init.title));
    this.extensions = init.extensions ?? {};
    this.headers = init.headers ?? {};
  }

  static badRequest = shortcut(400, 'Bad request');
  static unauthorized = shortcut(401, 'Unauthorized');
  static paymentRequired = shortcut(402, 'Payment required');
  static forbidden = shortcut(403, 'Forbidden');
  static notFound = shortcut(404, 'Not found');
  static conflict = shortcut(409, 'Conflict');
  static gone = shortcut(410, 'Gone');
  static unprocessable = shortcut(422, 'Unprocessable content');
  static tooManyRequests = shortcut(429, 'Too many requests');
  static serviceUnavailable = shortcut(503, 'Service unavailable');
}

function shortcut(status: number, title: string) {
  return (detail?: string, more: Shortcut = {}): ProblemError =>
    new ProblemError({ title, ...more, status, detail });
}

function slugOf(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
