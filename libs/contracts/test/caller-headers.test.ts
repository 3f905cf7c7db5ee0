import { CallerHeaders, UserHeaders } from '../src';
import { rejectedFields } from './rejected-fields';

const userId = '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';

describe('when a service reads the caller the gateway vouches for', () => {
  it('reads the user id from the lower-case header among any others', () => {
    const headers = { 'x-user-id': userId, accept: 'application/json' };
    expect(UserHeaders.parse(headers)).toEqual({ 'x-user-id': userId });
  });

  it('names the header when it is missing or not an id', () => {
    expect(rejectedFields(UserHeaders, {})).toEqual(['x-user-id']);
    expect(rejectedFields(UserHeaders, { 'x-user-id': 'someone' })).toEqual(['x-user-id']);
  });
});

describe('when the gateway describes a signed-in caller', () => {
  it.each(['user', 'admin'])('accepts the role %s', (role) => {
    expect(rejectedFields(CallerHeaders, { 'x-user-id': userId, 'x-user-role': role })).toEqual([]);
  });

  it('rejects a role no access token carries', () => {
    const headers = { 'x-user-id': userId, 'x-user-role': 'root' };
    expect(rejectedFields(CallerHeaders, headers)).toEqual(['x-user-role']);
  });
});
