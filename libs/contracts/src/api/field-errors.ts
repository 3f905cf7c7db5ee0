import type { z } from 'zod';
import type { ProblemFieldError } from './problem';

/** The `errors` of a 400 problem, one per invalid field, from a failed request parse. */
export function fieldErrorsOf(error: z.ZodError): ProblemFieldError[] {
  return error.issues.flatMap((issue): ProblemFieldError[] =>
    // zod reports unexpected fields once, on the enclosing object; the contract names each field.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          field: fieldPath([...issue.path, key]),
          rule: issue.code,
          message: `Unknown field "${key}"`,
        }))
      : [{ field: fieldPath(issue.path), rule: issue.code, message: issue.message }],
  );
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}
