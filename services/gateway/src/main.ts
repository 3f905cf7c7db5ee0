import { config, telemetry } from './telemetry'; // first: tracing patches http before it loads
import { createRedis, runMain, serve, serveManagement } from '@headliner/platform';
import { openDatabase } from '@headliner/platform/database';
import { createApp, gatewayProbes } from './app';

runMain({ service: 'gateway', config, telemetry }, async (running) => {
  const { logger, shutdown } = running;
  const db = openDatabase(config.DATABASE_URL, { poolSize: config.DATABASE_POOL_SIZE }, running);
  // Rate limiting fails open while Redis is away, and readiness reports it meanwhile.
  const redis = createRedis(config.REDIS_URL, 'request', {
    name: 'rate-limits',
    commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS,
    ...running,
  });

  const isShuttingDown = shutdown.isShuttingDown;
  const app = createApp({ config, logger, db, redis, isShuttingDown });
  // Every fan connects here, and on sale thousands arrive within a second or two: more than Node's
  // default accept queue (511) holds while the event loop is busy, and the kernel reset the rest.
  // The kernel caps the backlog at net.core.somaxconn.
  await serve(app, { port: config.PORT, host: config.HOST, backlog: 4096, ...running });
  await serveManagement(gatewayProbes({ db, redis, isShuttingDown }), config, running);
});
