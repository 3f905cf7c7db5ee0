import { adminUserIdOf } from '../src/domain/admin-account';
import { hashPassword, verifyPassword } from '../src/domain/password-hash';

describe('when a password is hashed', () => {
  it('verifies the same password and refuses any other', async () => {
    const stored = await hashPassword('pässword-1', 1024);

    expect(await verifyPassword('pässword-1', stored)).toBe(true);
    expect(await verifyPassword('pässword-2', stored)).toBe(false);
  });

  it('salts every hash differently', async () => {
    expect(await hashPassword('same', 1024)).not.toBe(await hashPassword('same', 1024));
  });

  it('keeps verifying hashes made with another cost', async () => {
    const stored = await hashPassword('password', 2048);

    expect(stored.startsWith('scrypt$2048$8$1$')).toBe(true);
    expect(await verifyPassword('password', stored)).toBe(true);
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
