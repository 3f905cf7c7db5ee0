// The five services, where each listens from the system's port base, and which of them own a
// PostgreSQL database: the one list the launcher, the migrations, the seeder and the load tests
// read.
export const services = [
  { name: 'gateway', portOffset: 0, database: 'headliner_gateway' },
  { name: 'queue', portOffset: 1 },
  { name: 'concert', portOffset: 2, database: 'headliner_concert' },
  { name: 'reservation', portOffset: 3, database: 'headliner_reservation' },
  { name: 'wallet', portOffset: 4, database: 'headliner_wallet' },
] as const;

type Entry = (typeof services)[number];
export type Service = Entry['name'];
export type DatabaseOwner = Extract<Entry, { database: string }>['name'];

export const serviceNames: readonly Service[] = services.map((service) => service.name);

export const databaseOwners: readonly DatabaseOwner[] = services.flatMap((service) =>
  'database' in service ? [service.name] : [],
);

/** The database a service owns on this machine, e.g. headliner_wallet (with `suffix`, a copy). */
export function databaseOf(owner: DatabaseOwner, suffix = ''): string {
  return `headliner_${owner}${suffix}`;
}

export function isDatabaseOwner(service: Service): service is DatabaseOwner {
  return (databaseOwners as readonly Service[]).includes(service);
}

export function portOf(service: Service, portBase: number): number {
  return portBase + services.find((entry) => entry.name === service)!.portOffset;
}

export function serviceUrlOf(service: Service, portBase: number): string {
  return `http://127.0.0.1:${portOf(service, portBase)}`;
}

// The five ports after the services' own, so one system keeps to ten ports from its base (the
// load tests start systems ten ports apart).
const managementPortOffset = services.length;

/** Where a service serves /metrics and the detail of its readiness; the gateway routes none. */
export function managementPortOf(service: Service, portBase: number): number {
  return portOf(service, portBase) + managementPortOffset;
}

export function managementUrlOf(service: Service, portBase: number): string {
  return `http://127.0.0.1:${managementPortOf(service, portBase)}`;
}

/** A value for each database owner, e.g. its URL. */
export function perDatabaseOwner<T>(
  valueOf: (owner: DatabaseOwner) => T,
): Record<DatabaseOwner, T> {
  return Object.fromEntries(databaseOwners.map((owner) => [owner, valueOf(owner)])) as Record<
    DatabaseOwner,
    T
  >;
}
