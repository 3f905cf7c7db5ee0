import { z } from 'zod';
import { fieldErrorsOf, Problem } from '../src';

describe('when a request body fails validation', () => {
  const body = z.object({ seat: z.object({ number: z.int().min(1) }).strict() }).strict();

  it('names each unknown field separately, under its parent', () => {
    const result = body.safeParse({ seat: { number: 1, row: 'A', zone: 'B' }, extra: 1 });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual([
      { field: 'seat.row', rule: 'unrecognized_keys', message: 'Unknown field "row"' },
      { field: 'seat.zone', rule: 'unrecognized_keys', message: 'Unknown field "zone"' },
      { field: 'extra', rule: 'unrecognized_keys', message: 'Unknown field "extra"' },
    ]);
  });

  it('names a nested field by its dotted path with the rule that failed', () => {
    const result = body.safeParse({ seat: { number: 0 } });
    expect(fieldErrorsOf(result.error!)).toEqual([
      expect.objectContaining({ field: 'seat.number', rule: 'too_small' }),
    ]);
  });

  it('fits into a problem document', () => {
    const result = body.safeParse({});
    const problem = {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'The request body is invalid',
      errors: fieldErrorsOf(result.error!),
    };
    expect(Problem.parse(problem)).toEqual(problem);
  });
});
