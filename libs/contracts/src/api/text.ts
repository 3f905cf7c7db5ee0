import { z } from 'zod';

// C0 and C1 control characters and DEL. PostgreSQL refuses NUL in text (a 500 waiting to happen),
// and none of them belongs in a name, a title or a password. Multi-line text keeps tab and breaks.
/* eslint-disable no-control-regex */
const singleLine = /^[^\x00-\x1f\x7f-\x9f]*$/;
const multiLine = /^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$/;
/* eslint-enable no-control-regex */

export interface TextRules {
  min?: number;
  max: number;
  /** Allows tab, line feed and carriage return, e.g. for a description. */
  multiLine?: boolean;
}

/**
 * A string a person typed: no control characters, and min..max characters counted as JSON Schema
 * counts them (code points, so an emoji is one character, where String.length says two). The
 * document's minLength/maxLength and this check then accept exactly the same strings.
 */
export function text({ min = 0, max, multiLine: lines = false }: TextRules) {
  return z
    .string()
    .regex(lines ? multiLine : singleLine, { message: 'must not contain control characters' })
    .superRefine((value, ctx) => {
      const length = [...value].length;
      if (length < min) {
        ctx.addIssue({
          code: 'too_small',
          origin: 'string',
          minimum: min,
          inclusive: true,
          input: value,
          message: `must be at least ${min} characters`,
        });
      } else if (length > max) {
        ctx.addIssue({
          code: 'too_big',
          origin: 'string',
          maximum: max,
          inclusive: true,
          input: value,
          message: `must be at most ${max} characters`,
        });
      }
    })
    .meta({ minLength: min, maxLength: max });
}
