import { z } from 'zod';
import { apiComponents } from './components';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const ProblemFieldError = z
  .object({
    field: z.string().describe('Dotted path of the offending field, e.g. "seatId"'),
    rule: z
      .string()
      .describe('The rule that failed, e.g. invalid_type, too_small, unrecognized_keys'),
    message: z.string(),
  })
  .register(apiComponents, { id: 'ProblemFieldError' });
export type ProblemFieldError = z.infer<typeof ProblemFieldError>;

export const Problem = z
  .object({
    type: z
      .string()
      .describe('URI reference naming the problem type; about:blank if status says it all'),
    title: z.string().describe('Short summary of the problem type'),
    status: z.int().min(400).max(599),
    detail: z.string().describe('What went wrong in this occurrence'),
    instance: z
      .string()
      .optional()
      .describe('URI reference of this occurrence, e.g. the request path'),
    traceId: z.string().optional().describe('W3C trace id, to find the request in traces and logs'),
    errors: z.array(ProblemFieldError).optional().describe('On a 400, one entry per invalid field'),
  })
  .describe('RFC 9457 problem details, served as application/problem+json')
  .register(apiComponents, { id: 'Problem' });
export type Problem = z.infer<typeof Problem>;
