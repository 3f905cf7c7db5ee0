import { LoginRequest, SignupRequest } from '../src';
import { rejectedFields } from './rejected-fields';

const signup = { username: 'kim.minji_01', password: 'correct horse' };

describe('when someone signs up', () => {
  it('accepts a valid name and password', () => {
    expect(SignupRequest.parse(signup)).toEqual(signup);
  });

  it.each([
    ['a missing username', { password: signup.password }, 'username'],
    ['a too short username', { ...signup, username: 'ab' }, 'username'],
    ['a too long username', { ...signup, username: 'a'.repeat(33) }, 'username'],
    ['a username with a space', { ...signup, username: 'kim minji' }, 'username'],
    ['a numeric username', { ...signup, username: 12345 }, 'username'],
    ['a 7-character password', { ...signup, password: 'seven77' }, 'password'],
    ['a 73-character password', { ...signup, password: 'p'.repeat(73) }, 'password'],
    ['a password over 72 bytes', { ...signup, password: '비'.repeat(25) }, 'password'],
    ['an extra field', { ...signup, isAdmin: true }, 'isAdmin'],
  ])('rejects %s, naming the field', (_case, body, field) => {
    expect(rejectedFields(SignupRequest, body)).toEqual([field]);
  });

  it('accepts a 72-byte password of multi-byte characters', () => {
    expect(rejectedFields(SignupRequest, { ...signup, password: '비'.repeat(24) })).toEqual([]);
  });
});

describe('when someone logs in', () => {
  it('accepts any non-empty name and password, leaving the verdict to the credentials', () => {
    expect(rejectedFields(LoginRequest, { username: 'x', password: 'y' })).toEqual([]);
  });

  it('rejects a missing password and an extra field', () => {
    expect(rejectedFields(LoginRequest, { username: 'x', remember: true }).sort()).toEqual([
      'password',
      'remember',
    ]);
  });
});
