import { grantLocalSystemAcls } from './kafka-namespace';
import { launchServices, type LaunchedServices } from './launcher/launch-services';
import { serviceNames } from './services';
import { superviseRestarts } from './launcher/supervisor';
import { localSystemEnv } from './local-env';
import { scrapeSystem } from './prometheus-targets';
import { ensureRedisUsers } from './redis-users';

/**
 * `npm start`'s system in the foreground, its services' Kafka ACLs and Redis users granted
 * first: the five services in one prefixed log stream, the gateway's URL printed once each is
 * ready, a service that dies restarted (see superviseRestarts), and every service drained and
 * stopped on Ctrl-C.
 */
export async function runLocalSystem(): Promise<void> {
  const system = localSystemEnv();
  await grantLocalSystemAcls();
  if (system.redisUsers) await ensureRedisUsers(system.env.REDIS_URL!, system.redisUsers);
  const launched = launchServices(system, { prefixOutput: true });
  const supervisor = superviseRestarts(Object.values(launched.processes), {
    log: (line) => console.log(`[supervisor] ${line}`),
  });
  // Scraped (and so alerted on) while it runs only: a system nobody started is not down.
  const stopScraping = scrapeSystem('local', launched.managementUrl);
  process.once('exit', stopScraping);
  const stop = () => void supervisor.stop().then(() => process.exit(0));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, stop);
  launched.waitUntil({ readiness: 'serving', timeoutMs: 120_000, onExit: 'wait' }).then(
    () => {
      const gateway = launched.serviceUrl('gateway');
      console.log(`\nHeadliner is up: ${gateway} (API docs: ${gateway}/docs). Ctrl-C stops it.`);
      console.log(`Metrics and readiness detail: ${managementUrls(launched)}`);
      console.log(`${observabilityUrls()}\n`);
    },
    (error: Error) => console.error(`\n${error.message}; see the logs above.\n`),
  );
}

/**
 * Where the local observability stack answers (.local/infra.env, exported by npm start), or why
 * there is none.
 */
function observabilityUrls(): string {
  const { PROMETHEUS_URL, ALERTMANAGER_URL, JAEGER_URL } = process.env;
  if (!PROMETHEUS_URL && !ALERTMANAGER_URL && !JAEGER_URL) {
    return 'Observability: off (HEADLINER_OBSERVABILITY=off)';
  }
  const jaeger = JAEGER_URL ? `${JAEGER_URL} (HTTP API, e.g. ${JAEGER_URL}/api/services)` : 'off';
  return [
    `Prometheus: ${PROMETHEUS_URL ?? 'off'}`,
    `Alertmanager: ${ALERTMANAGER_URL ?? 'off'}`,
    `Jaeger: ${jaeger}`,
  ].join(', ');
}

/** e.g. gateway http://127.0.0.1:8085, queue http://127.0.0.1:8086 ... (each /metrics, /health/ready) */
function managementUrls(launched: LaunchedServices): string {
  return serviceNames.map((service) => `${service} ${launched.managementUrl(service)}`).join(', ');
}
