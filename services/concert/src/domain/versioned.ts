import type { SaleState, ScheduleSummary, Seat } from '@headliner/contracts';

// Rows as the database holds them, with the version the cache compares before overwriting, so
// that of two writers racing to the cache the newer state always wins.
export interface VersionedSeat extends Seat {
  version: number;
}

export interface VersionedSchedule extends ScheduleSummary {
  version: number;
  /** Bumped with every saleState change, compared apart from the seat count's version. */
  saleVersion: number;
}

export interface VersionedSeatMap {
  /** ISO 8601, as the schedule list shows it; never changes. */
  startsAt: string;
  saleState: SaleState;
  saleVersion: number;
  seats: VersionedSeat[];
}

export function withoutVersion<Row extends { version: number }>({
  version: _version,
  ...row
}: Row): Omit<Row, 'version'> {
  return row;
}

export function scheduleSummaryOf({
  version: _version,
  saleVersion: _saleVersion,
  ...summary
}: VersionedSchedule): ScheduleSummary {
  return summary;
}
