import { HashingBusy, passwordHashing } from '../src/domain/password-hashing';
import { signInPacing } from '../src/domain/sign-in-pacing';

const cheap = { cost: 1024, parallelism: 1 };

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('when sign-ins take the hash slots', () => {
  it('refuses one beyond the bound at once, before its work starts', async () => {
    const hashing = passwordHashing(cheap, 2, signInPacing(30));
    const { open, opened } = gate();
    const running = [hashing.inSlot(() => opened), hashing.inSlot(() => opened)];
    let started = false;

    const refused = hashing.inSlot(async () => {
      started = true;
    });

    await expect(refused).rejects.toBeInstanceOf(HashingBusy);
    expect(started).toBe(false);
    open();
    await Promise.all(running);
  });

  it('frees a slot when its work ends, failed or not', async () => {
    const hashing = passwordHashing(cheap, 1, signInPacing(30));
    await expect(
      hashing.inSlot(() => Promise.reject(new Error('the database is away'))),
    ).rejects.toThrow('the database is away');

    const stored = await hashing.inSlot(() => hashing.hash('pässword'));

    expect(await hashing.inSlot(() => hashing.verify('pässword', stored))).toBe(true);
  });
});
