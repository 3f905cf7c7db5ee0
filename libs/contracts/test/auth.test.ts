import { fieldErrorsOf, LoginRequest, LogoutRequest, RefreshRequest, SignupRequest } from '../src';
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
    ['a 73-emoji password', { ...signup, password: '🎤'.repeat(73) }, 'password'],
    ['a password with a NUL', { ...signup, password: 'correct\u0000horse' }, 'password'],
    ['a username ending in a line feed', { ...signup, username: 'kim.minji\n' }, 'username'],
    ['an extra field', { ...signup, isAdmin: true }, 'isAdmin'],
  ])('rejects %s, naming the field', (_case, body, field) => {
    expect(rejectedFields(SignupRequest, body)).toEqual([field]);
  });

  // The document's maxLength counts characters as JSON Schema does; String.length says 144 here.
  it('accepts a password of 72 emoji, counting each as one character', () => {
    expect(rejectedFields(SignupRequest, { ...signup, password: '🎤'.repeat(72) })).toEqual([]);
  });
});

describe('when someone logs in', () => {
  it('accepts any non-empty name and password, leaving the verdict to the credentials', () => {
    expect(rejectedFields(LoginRequest, { username: 'x', password: 'y' })).toEqual([]);
  });

  it.each([
    ['a NUL', 'kim\u0000'],
    ['a line feed', 'kim\n'],
    ['an escape', '\u001b[31mkim'],
    ['a C1 control', 'kim\u0085'],
  ])('rejects a username with %s, naming the field and the rule', (_case, username) => {
    const result = LoginRequest.safeParse({ username, password: 'y' });
    expect(result.success ? [] : fieldErrorsOf(result.error)).toEqual([
      {
        field: 'username',
        rule: 'invalid_format',
        message: 'must not contain control characters',
      },
    ]);
  });

  it('rejects a missing password and an extra field', () => {
    expect(rejectedFields(LoginRequest, { username: 'x', remember: true }).sort()).toEqual([
      'password',
      'remember',
    ]);
  });
});

describe.each([
  ['refreshes', RefreshRequest],
  ['logs out', LogoutRequest],
])('when someone %s', (_case, schema) => {
  it('accepts a refresh token', () => {
    expect(rejectedFields(schema, { refreshToken: 'a'.repeat(43) })).toEqual([]);
  });

  it.each([
    ['no token', {}],
    ['an empty token', { refreshToken: '' }],
    ['a token longer than any issued', { refreshToken: 'a'.repeat(65) }],
    ['a NUL in the token', { refreshToken: 'a\u0000' }],
    ['an extra field', { refreshToken: 'a', userId: 'x' }],
  ])('rejects %s', (_name, body) => {
    expect(rejectedFields(schema, body)).not.toEqual([]);
  });
});
