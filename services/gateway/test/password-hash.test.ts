import { adminUserIdOf } from '../src/domain/admin-account';
import { hashPassword, isOutdated, verifyPassword } from '../src/domain/password-hash';

const cheap = { cost: 1024, parallelism: 1 };

describe('when a password is hashed', () => {
  it('verifies the same password and refuses any other', async () => {
    const stored = await hashPassword('pässword-1', cheap);

    expect(await verifyPassword('pässword-1', stored)).toBe(true);
    expect(await verifyPassword('pässword-2', stored)).toBe(false);
  });

  it('salts every hash differently', async () => {
    expect(await hashPassword('same', cheap)).not.toBe(await hashPassword('same', cheap));
  });

  it('keeps verifying hashes made with another cost', async () => {
    const stored = await hashPassword('password', { cost: 2048, parallelism: 3 });

    expect(stored.startsWith('scrypt$2048$8$3$')).toBe(true);
    expect(await verifyPassword('password', stored)).toBe(true);
  });

  it('calls a hash outdated when its cost or parallelism differs from the current ones', async () => {
    const stored = await hashPassword('password', cheap);

    expect(isOutdated(stored, cheap)).toBe(false);
    expect(isOutdated(stored, { cost: 2048, parallelism: 1 })).toBe(true);
    expect(isOutdated(stored, { cost: 1024, parallelism: 3 })).toBe(true);
    expect(isOutdated('not-a-hash', cheap)).toBe(true);
  });

  it('refuses a stored value that is not an scrypt hash', async () => {
    expect(await verifyPassword('password', 'bcrypt$2b$10$abc')).toBe(false);
  });
});

describe('when no admin userId is configured', () => {
  it('derives the same version 5 UUID from the same username, and another from another', () => {
    expect(adminUserIdOf('admin')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(adminUserIdOf('admin')).toBe(adminUserIdOf('admin'));
    expect(adminUserIdOf('root')).not.toBe(adminUserIdOf('admin'));
  });
});
