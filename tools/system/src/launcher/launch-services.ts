import { repositoryRoot } from '../repository';
import { serviceEnv, type SystemEnv } from '../service-env';
import { managementUrlOf, serviceNames, serviceUrlOf, type Service } from '../services';
import { linePrefix } from './output';
import { waitUntilReady, type ReadinessWait } from './readiness';
import { serviceProcess, type ServiceProcess } from './service-process';

export interface LaunchedServices {
  processes: Record<Service, ServiceProcess>;
  serviceUrl(service: Service): string;
  /** Where the service serves /metrics and the detail of its readiness. */
  managementUrl(service: Service): string;
  /** Resolves once each of `services` (all by default) is as ready as `wait` asks. */
  waitUntil(wait: ReadinessWait, services?: readonly Service[]): Promise<void>;
  /** Ends every service with a graceful drain. */
  stop(): Promise<void>;
}

/**
 * Spawns the five built services (each package's main, dist/main.js) with the system's
 * environment. With `prefixOutput` each output line starts with its service's name, as one
 * stream `npm start` shows; without, lines pass through as they are. `output` takes every
 * service's lines instead of our stdout and stderr (uncoloured).
 */
export function launchServices(
  system: SystemEnv,
  { prefixOutput = false, output }: { prefixOutput?: boolean; output?: NodeJS.WritableStream } = {},
): LaunchedServices {
  const processes = Object.fromEntries(
    serviceNames.map((name, index) => [
      name,
      serviceProcess({
        name,
        args: [require.resolve(`@headliner/${name}`)],
        env: serviceEnv(name, system),
        cwd: repositoryRoot,
        prefix: prefixOutput ? (output ? `[${name}] ` : linePrefix(name, index)) : '',
        output,
      }),
    ]),
  ) as Record<Service, ServiceProcess>;
  const serviceUrl = (service: Service) => serviceUrlOf(service, system.portBase);
  const managementUrl = (service: Service) => managementUrlOf(service, system.portBase);
  Object.values(processes).forEach((service) => service.start());
  return {
    processes,
    serviceUrl,
    managementUrl,
    waitUntil: async (wait, services = serviceNames) => {
      await Promise.all(
        services.map((service) =>
          waitUntilReady(
            processes[service],
            { url: serviceUrl(service), managementUrl: managementUrl(service) },
            wait,
          ),
        ),
      );
    },
    stop: async () => {
      await Promise.all(Object.values(processes).map((service) => service.terminate()));
    },
  };
}
