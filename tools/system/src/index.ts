// `@headliner/system`: the whole system as one, for `npm start`, `npm run seed`, the end-to-end
// tests and the load tests.
export {
  services,
  serviceNames,
  databaseOwners,
  databaseOf,
  portOf,
  type Service,
  type DatabaseOwner,
} from './services';
export { serviceEnv, type SystemEnv } from './service-env';
export { launchServices, type LaunchedServices } from './launcher/launch-services';
export { superviseRestarts, restartDelayMs, type RestartPolicy } from './launcher/supervisor';
export { serviceProcess, type ServiceProcess } from './launcher/service-process';
export type { Readiness } from './launcher/readiness';
export { runLocalSystem } from './local-system';
export { scrapeSystem } from './prometheus-targets';
export { localSystemEnv, LOCAL_ADMIN } from './local-env';
export { startSystem, ADMIN, type System, type SystemOptions } from './fresh-system';
export { seedSystem, type SeedPlan, type Seeded } from './seed/seed-system';
export { runSeedCommand } from './seed/seed-command';
export {
  checkBookingInvariants,
  type BookingInvariants,
  type BookingDatabaseUrls,
} from './invariants/booking-invariants';
export {
  ensureDatabaseRoles,
  handDatabaseTo,
  databaseUrlAs,
  roleOf,
  reconcilerRole,
} from './database-roles';
export { brokerHasAcls } from './kafka-namespace';
export { localKafkaLogins } from './kafka-logins';
export { localSecret } from './local-secret';
export { startInfrastructure, stopInfrastructure, type Component } from './infrastructure';
