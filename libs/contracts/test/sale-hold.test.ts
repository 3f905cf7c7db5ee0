import { SaleHoldRequest } from '../src';
import { rejectedFields } from './rejected-fields';

describe('when an admin holds a schedule’s sale', () => {
  it('accepts a reason of 1 to 200 characters', () => {
    expect(rejectedFields(SaleHoldRequest, { reason: 'payment provider incident' })).toEqual([]);
    expect(rejectedFields(SaleHoldRequest, { reason: 'x'.repeat(200) })).toEqual([]);
  });

  it.each([
    ['no reason', {}],
    ['an empty reason', { reason: '' }],
    ['a reason over 200 characters', { reason: 'x'.repeat(201) }],
    ['a reason with a control character', { reason: 'stop\u0000' }],
    ['a reason that is not text', { reason: 42 }],
  ])('rejects %s, naming the reason', (_case, body) => {
    expect(rejectedFields(SaleHoldRequest, body)).toEqual(['reason']);
  });

  it('rejects a field the request does not know, naming it', () => {
    expect(rejectedFields(SaleHoldRequest, { reason: 'incident', until: 'tomorrow' })).toEqual([
      'until',
    ]);
  });
});
