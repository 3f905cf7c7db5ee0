import type { ScheduleSummary, Seat } from '@headliner/contracts';

// Rows as the database holds them, with the version the cache compares before overwriting, so
// that of two writers racing to the cache the newer state always wins.
export interface VersionedSeat extends Seat {
  version: number;
}

export interface VersionedSchedule extends ScheduleSummary {
  version: number;
}

export function withoutVersion<Row extends { version: number }>({
  version: _version,
  ...row
}: Row): Omit<Row, 'version'> {
  return row;
}
