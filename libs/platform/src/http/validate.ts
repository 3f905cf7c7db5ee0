import type { RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { fieldErrors } from './field-errors';
import { invalidRequest, type FieldError } from './invalid-request';

export interface RequestSchemas {
  params?: z.ZodType;
  query?: z.ZodType;
  headers?: z.ZodType;
  body?: z.ZodType;
}

export type ValidatedInput<Schemas extends RequestSchemas> = {
  [Part in keyof Schemas]: Schemas[Part] extends z.ZodType ? z.output<Schemas[Part]> : never;
};

export interface RequestValidator<Schemas extends RequestSchemas> extends RequestHandler {
  /** The parsed, typed request parts, for the handlers that follow this middleware. */
  input(res: Response): ValidatedInput<Schemas>;
}

const parts = ['params', 'query', 'headers', 'body'] as const;

/**
 * Middleware that checks a request against zod schemas before the handler runs, answering 400
 * with every offending field at once. Use `.strict()` objects to reject unexpected fields.
 *
 *   const placeHold = validate({ params: ConcertParams, body: HoldRequest });
 *   router.post('/concerts/:concertId/holds', placeHold, async (req, res) => {
 *     const { params, body } = placeHold.input(res);
 *   });
 *
 * Express 5's req.query is a getter that re-parses the URL, so parsed values live here rather
 * than on req (req.body is replaced too, for code that reads it directly).
 */
export function validate<const Schemas extends RequestSchemas>(
  schemas: Schemas,
): RequestValidator<Schemas> {
  const inputs = new WeakMap<Response, ValidatedInput<Schemas>>();

  const middleware: RequestHandler = (req, res, next) => {
    const parsed: Record<string, unknown> = {};
    const errors: FieldError[] = [];
    for (const part of parts) {
      const schema = schemas[part];
      if (!schema) continue;
      const result = schema.safeParse(req[part], { reportInput: true });
      if (result.success) parsed[part] = result.data;
      else errors.push(...fieldErrors(part, result.error.issues));
    }
    if (errors.length > 0) return next(invalidRequest(errors));
    inputs.set(res, parsed as ValidatedInput<Schemas>);
    if (schemas.body) req.body = parsed.body;
    next();
  };

  const input = (res: Response): ValidatedInput<Schemas> => {
    const validated = inputs.get(res);
    if (validated) return validated;
    throw new Error('input(res) was called for a request this validator did not check');
  };
  return Object.assign(middleware, { input });
}
