// A service whose start fails, run by run-main.test.ts in a process of its own.
import { runMain } from '../../src/lifecycle/run-main';

const config = { LOG_LEVEL: 'info', LOG_FORMAT: 'json', SHUTDOWN_TIMEOUT_MS: 1000 } as const;
const telemetry = { shutdown: async () => {} };

runMain({ service: 'doomed', config, telemetry }, async ({ logger }) => {
  logger.info('starting');
  throw new Error('the database said no');
});
