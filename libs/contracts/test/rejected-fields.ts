import type { z } from 'zod';
import { fieldErrorsOf } from '../src';

/** The fields a 400 would name for this input, each once, or [] if the schema accepts it. */
export function rejectedFields(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : [...new Set(fieldErrorsOf(result.error).map(({ field }) => field))];
}
