import { checkBookingInvariants, type System } from '@headliner/system';

/** The booking invariants (see checkBookingInvariants), once the saga has settled. */
export async function expectInvariants(system: System): Promise<void> {
  const { violations } = await checkBookingInvariants({
    reservation: system.databaseUrl('reservation'),
    wallet: system.databaseUrl('wallet'),
    concert: system.databaseUrl('concert'),
  });
  expect(violations).toEqual([]);
}
