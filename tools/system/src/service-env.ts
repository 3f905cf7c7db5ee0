import {
  isDatabaseOwner,
  managementPortOf,
  portOf,
  serviceUrlOf,
  type DatabaseOwner,
  type Service,
} from './services';

/** What the services of one system share: where they listen, their databases, their settings. */
export interface SystemEnv {
  /**
   * The gateway's port; the other four services take the next four, and their management ports
   * the five after.
   */
  portBase: number;
  databaseUrls: Record<DatabaseOwner, string>;
  /**
   * Gives the reservation service read access to the wallet's and the catalogue's databases, so
   * its scheduled reconciliation runs (production gives it read-only roles or replicas).
   */
  reconciliation: boolean;
  /** Every service gets these (infrastructure URLs, secrets, tuning); they win over the defaults. */
  env: Record<string, string | undefined>;
}

/** The environment one service of the system starts with. */
export function serviceEnv(service: Service, system: SystemEnv): NodeJS.ProcessEnv {
  const url = (other: Service) => serviceUrlOf(other, system.portBase);
  return {
    ...process.env,
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
    QUEUE_URL: url('queue'),
    CONCERT_URL: url('concert'),
    RESERVATION_URL: url('reservation'),
    WALLET_URL: url('wallet'),
    ...(service === 'reservation' && system.reconciliation
      ? {
          RECONCILE_WALLET_DATABASE_URL: system.databaseUrls.wallet,
          RECONCILE_CONCERT_DATABASE_URL: system.databaseUrls.concert,
        }
      : {}),
    ...system.env,
    PORT: String(portOf(service, system.portBase)),
    MANAGEMENT_PORT: String(managementPortOf(service, system.portBase)),
    DATABASE_URL: isDatabaseOwner(service) ? system.databaseUrls[service] : undefined,
  };
}
