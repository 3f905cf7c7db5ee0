import type { KafkaLogins } from './kafka-logins';
import { redisUrlAs, type RedisUser } from './redis-users';
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
  /** The read-only URLs of those two databases for the reconciliation; databaseUrls without. */
  reconcileDatabaseUrls?: Record<'wallet' | 'concert', string>;
  /** Each Kafka client service's principal; none: they connect as `env` says (no SASL unless set). */
  kafkaLogins?: KafkaLogins;
  /**
   * Each Redis client service's user, which `env.REDIS_URL` logs in as (a service without one
   * gets no REDIS_URL); none: every service logs in with REDIS_URL as given.
   */
  redisUsers?: readonly RedisUser[];
  /** Every service gets these (infrastructure URLs, secrets, tuning); they win over the defaults. */
  env: Record<string, string | undefined>;
}

/** The environment one service of the system starts with. */
export function serviceEnv(service: Service, system: SystemEnv): NodeJS.ProcessEnv {
  const url = (other: Service) => serviceUrlOf(other, system.portBase);
  const kafkaLogin = system.kafkaLogins?.[service];
  const redisUser = system.redisUsers?.find((user) => user.service === service);
  const redisUrl = system.env.REDIS_URL;
  return {
    ...process.env,
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
    QUEUE_URL: url('queue'),
    CONCERT_URL: url('concert'),
    RESERVATION_URL: url('reservation'),
    WALLET_URL: url('wallet'),
    ...(service === 'reservation' && system.reconciliation
      ? {
          RECONCILE_WALLET_DATABASE_URL: (system.reconcileDatabaseUrls ?? system.databaseUrls)
            .wallet,
          RECONCILE_CONCERT_DATABASE_URL: (system.reconcileDatabaseUrls ?? system.databaseUrls)
            .concert,
        }
      : {}),
    ...system.env,
    ...(kafkaLogin
      ? { KAFKA_SASL_USERNAME: kafkaLogin.username, KAFKA_SASL_PASSWORD: kafkaLogin.password }
      : {}),
    ...(system.redisUsers
      ? { REDIS_URL: redisUser && redisUrl ? redisUrlAs(redisUrl, redisUser) : undefined }
      : {}),
    // The infrastructure's super users are the tools' and tests', never a service's.
    KAFKA_ADMIN_USERNAME: undefined,
    KAFKA_ADMIN_PASSWORD: undefined,
    POSTGRES_URL: undefined,
    PORT: String(portOf(service, system.portBase)),
    MANAGEMENT_PORT: String(managementPortOf(service, system.portBase)),
    DATABASE_URL: isDatabaseOwner(service) ? system.databaseUrls[service] : undefined,
  };
}
