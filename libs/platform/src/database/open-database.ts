import type { Logger } from 'pino';
import type { Shutdown } from '../lifecycle/shutdown';
import { createPgPool, sqlDatabase, type SqlDatabase } from './sql-database';

export interface OpenDatabaseOptions {
  poolSize: number;
  /** KAFKA_NAMESPACE, for the topics of the events its transactions publish. */
  kafkaNamespace?: string;
}

/** A service's database over a pool of `poolSize` connections, closed at shutdown. */
export function openDatabase(
  url: string,
  { poolSize, kafkaNamespace }: OpenDatabaseOptions,
  { logger, shutdown }: { logger: Logger; shutdown: Shutdown },
): SqlDatabase {
  const pool = createPgPool(url, poolSize, { logger });
  shutdown.onClose('postgres', () => pool.end());
  return sqlDatabase(pool, { logger, kafkaNamespace });
}
