import type { RequestHandler } from 'express';
import { ProblemError } from './problem-error';

/** An operation as the contract declares it: a method on an OpenAPI path template. */
export interface DeclaredOperation {
  method: string;
  /** e.g. /api/v1/concerts/{concertId}/schedules */
  path: string;
}

interface DeclaredPath {
  pattern: RegExp;
  methods: Set<string>;
}

/**
 * Before the 404: a path the contract declares, asked with a method it does not declare there
 * (TRACE, PUT on a read...), answers 405 with the methods it does take in Allow (RFC 9110 15.5.6).
 */
export function answerUndeclaredMethod(operations: readonly DeclaredOperation[]): RequestHandler {
  const declared = declaredPaths(operations);
  return (req, _res, next) => {
    const allowed = new Set(
      declared
        .filter(({ pattern }) => pattern.test(req.path))
        .flatMap(({ methods }) => [...methods]),
    );
    if (allowed.size === 0 || allowed.has(req.method)) return next();
    const allow = [...allowed].join(', ');
    next(
      new ProblemError({
        status: 405,
        title: 'Method not allowed',
        type: 'method-not-allowed',
        detail: `${req.path} takes ${allow} only.`,
        headers: { Allow: allow },
      }),
    );
  };
}

function declaredPaths(operations: readonly DeclaredOperation[]): DeclaredPath[] {
  const byPath = new Map<string, Set<string>>();
  for (const { method, path } of operations) {
    const methods = byPath.get(path) ?? new Set<string>();
    methods.add(method.toUpperCase());
    // Express answers HEAD wherever it answers GET.
    if (method.toUpperCase() === 'GET') methods.add('HEAD');
    byPath.set(path, methods);
  }
  return [...byPath].map(([path, methods]) => ({ pattern: patternOf(path), methods }));
}

// Matched as express matches routes: case-insensitive, a trailing slash allowed.
function patternOf(template: string): RegExp {
  const segments = template
    .split(/\{\w+\}/)
    .map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${segments.join('[^/]+')}/?$`, 'i');
}
