import { UpdateWaitingRoomRequest, WaitingRoomState } from '../src';
import { rejectedFields } from './rejected-fields';

describe('when an admin changes the waiting room', () => {
  it.each([
    ['the active limit alone', { activeLimit: 10 }],
    ['the rate alone', { admissionRatePerMinute: 120 }],
    ['the rate lifted', { admissionRatePerMinute: null }],
    ['both', { activeLimit: 1, admissionRatePerMinute: 1 }],
  ])('accepts %s', (_case, body) => {
    expect(rejectedFields(UpdateWaitingRoomRequest, body)).toEqual([]);
  });

  it.each([
    ['a limit of 0', { activeLimit: 0 }, 'activeLimit'],
    ['a fractional limit', { activeLimit: 1.5 }, 'activeLimit'],
    ['a null limit', { activeLimit: null }, 'activeLimit'],
    ['a rate of 0', { admissionRatePerMinute: 0 }, 'admissionRatePerMinute'],
    ['a rate given as text', { admissionRatePerMinute: '60' }, 'admissionRatePerMinute'],
    ['an unknown field', { activeLimit: 5, paused: true }, 'paused'],
  ])('rejects %s, naming the field', (_case, body, field) => {
    expect(rejectedFields(UpdateWaitingRoomRequest, body)).toEqual([field]);
  });

  it('rejects a change of nothing', () => {
    expect(UpdateWaitingRoomRequest.safeParse({}).success).toBe(false);
  });
});

describe('when the queue describes the waiting room', () => {
  it('accepts the defaults nobody changed yet and a paused room an admin changed', () => {
    const defaults = {
      activeLimit: 50,
      admissionRatePerMinute: null,
      paused: false,
      active: 3,
      waiting: 0,
      updatedAt: null,
      updatedBy: null,
    };
    expect(rejectedFields(WaitingRoomState, defaults)).toEqual([]);
    expect(
      rejectedFields(WaitingRoomState, {
        ...defaults,
        admissionRatePerMinute: 600,
        paused: true,
        updatedAt: '2026-12-07T04:00:00.000Z',
        updatedBy: '0b8f3c2e-9d1a-4c55-8f00-2a7d1c9e6b41',
      }),
    ).toEqual([]);
  });
});
