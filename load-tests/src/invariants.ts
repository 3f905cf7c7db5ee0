import { writeFile } from 'node:fs/promises';
import { checkBookingInvariants, type System } from '@headliner/system';

/**
 * The booking invariants in the system's databases, once payments still in flight when k6
 * stopped have settled (up to 30 s), written to `file`. Resolves with the violations.
 */
export async function checkInvariants(system: System, file: string): Promise<string[]> {
  const result = await checkBookingInvariants(
    {
      reservation: system.databaseUrl('reservation'),
      wallet: system.databaseUrl('wallet'),
      concert: system.databaseUrl('concert'),
    },
    { settleWithinMs: 30_000 },
  );
  await writeFile(file, JSON.stringify(result, null, 1));
  return result.violations;
}
