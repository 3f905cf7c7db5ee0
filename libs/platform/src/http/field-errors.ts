import type { z } from 'zod';
import type { FieldError } from './invalid-request';

/**
 * Zod issues in the words of the API contract: one entry per offending field, named from the
 * request part (`body.seats[0].id`), with a rule a client can switch on.
 */
export function fieldErrors(part: string, issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue): FieldError[] => {
    const field = fieldName(part, issue.path);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: fieldName(part, [...issue.path, key]),
        rule: 'unexpected',
        message: 'is not allowed',
      }));
    }
    if (issue.code === 'invalid_type' && issue.input === undefined) {
      return [{ field, rule: 'required', message: 'is required' }];
    }
    if (issue.code === 'invalid_type') {
      return [{ field, rule: 'type', message: `must be of type ${issue.expected}` }];
    }
    return [{ field, rule: issue.code, message: issue.message }];
  });
}

function fieldName(part: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (name, key) => (typeof key === 'number' ? `${name}[${key}]` : `${name}.${String(key)}`),
    part,
  );
}
