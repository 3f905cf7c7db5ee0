import { randomBytes } from 'node:crypto';
import { ADMIN_PASSWORD_RULE, SIGNING_SECRET, weaknessOf } from '../src/domain/secret-strength';

describe('when a secret is judged', () => {
  it('accepts 32 random bytes as hex or base64', () => {
    expect(weaknessOf(randomBytes(32).toString('hex'), SIGNING_SECRET)).toBeUndefined();
    expect(weaknessOf(randomBytes(32).toString('base64'), SIGNING_SECRET)).toBeUndefined();
  });

  it.each([
    ['a known test value', 'test-secret-of-at-least-thirty-two-characters', 'known'],
    ['a short one', 'x7#Lq9!', 'shorter'],
    ['one character repeated', 'a'.repeat(64), 'few different'],
    ['a short pattern repeated', 'abc'.repeat(20), 'few different'],
  ])('refuses %s as a signing secret', (_case, value, reason) => {
    expect(weaknessOf(value, SIGNING_SECRET)).toContain(reason);
  });

  it("refuses the local admin password and accepts a person's long passphrase", () => {
    expect(weaknessOf('headliner-admin', ADMIN_PASSWORD_RULE)).toContain('known');
    expect(weaknessOf('Headliner-Admin', ADMIN_PASSWORD_RULE)).toContain('known');
    expect(weaknessOf('tangerine-otter-48-lantern', ADMIN_PASSWORD_RULE)).toBeUndefined();
  });
});
