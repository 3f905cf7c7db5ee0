import { ProblemError } from './problem-error';

/** One offending input, e.g. `{ field: 'body.amount', rule: 'required', message: 'is required' }`. */
export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

/** The 400 answer for a request whose parameters, query, headers or body break the contract. */
export function invalidRequest(errors: readonly FieldError[]): ProblemError {
  const fields = [...new Set(errors.map((error) => error.field))];
  const count = fields.length === 1 ? 'an invalid field' : `${fields.length} invalid fields`;
  return new ProblemError({
    status: 400,
    title: 'Invalid request',
    detail: `The request has ${count}: ${fields.join(', ')}.`,
    extensions: { errors },
  });
}
