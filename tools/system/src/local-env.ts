import { serviceDatabaseUrls } from './database-roles';
import { localKafkaLogins } from './kafka-logins';
import { localSecret } from './local-secret';
import { localRedisUsers } from './redis-logins';
import type { SystemEnv } from './service-env';
import { databaseOf } from './services';

export const LOCAL_ADMIN = { username: 'admin', password: 'headliner-admin' };

/**
 * The system `npm start` runs on this machine: the infrastructure of .local/infra.env, the
 * headliner_* databases (each service as its own role, see database-roles.ts), a Redis user per
 * service (see redis-logins.ts), ports from PORT_BASE (8080), spans to the local Jaeger while it
 * runs (JAEGER_OTLP_ENDPOINT, which infra.sh writes then), and local defaults. Anything
 * already set in the environment wins, so the same scripts run against managed infrastructure.
 */
export function localSystemEnv(): SystemEnv {
  const databases = serviceDatabaseUrls((owner) => databaseOf(owner));
  const env = {
    HEADLINER_MODE: 'local',
    JWT_SECRET: localSecret('jwt-secret'),
    INTERNAL_AUTH_SECRET: localSecret('internal-auth-secret'),
    QUEUE_CHALLENGE_SECRET: localSecret('queue-challenge-secret'),
    // Off until every client solves the door's challenge; a sale's room turns it on.
    QUEUE_CHALLENGE_DIFFICULTY: '0',
    ADMIN_USERNAME: LOCAL_ADMIN.username,
    ADMIN_PASSWORD: LOCAL_ADMIN.password,
    LOG_FORMAT: 'pretty',
    OTEL_EXPORTER_OTLP_ENDPOINT: process.env.JAEGER_OTLP_ENDPOINT,
    ...process.env,
  };
  return {
    portBase: Number(process.env.PORT_BASE ?? 8080),
    reconciliation: true,
    databaseUrls: databases.owned,
    reconcileDatabaseUrls: databases.reconciled,
    kafkaLogins: localKafkaLogins(localSecret),
    redisUsers: localRedisUsers(env, localSecret),
    env,
  };
}
