import type { ServiceProcess } from './service-process';

/**
 * 'ready': every check of the service is up, Kafka's consumers started included; 'serving': it
 * answers what it can, e.g. with Kafka stopped.
 */
export type Readiness = 'ready' | 'serving';

export interface ReadinessWait {
  readiness: Readiness;
  timeoutMs: number;
  /**
   * When the process exits while starting: 'fail' at once with its last lines, or 'wait' for it
   * to come back (a supervisor restarts it).
   */
  onExit: 'fail' | 'wait';
}

/** Where a service answers: its public port, and its management port. */
export interface ServiceUrls {
  url: string;
  managementUrl: string;
}

/**
 * Resolves once the service's /health/ready answers as `readiness` asks. The public port's
 * status word is enough to wait on; when the wait runs out, the management port's detail says
 * which check is down and why.
 */
export async function waitUntilReady(
  service: ServiceProcess,
  { url, managementUrl }: ServiceUrls,
  { readiness, timeoutMs, onExit }: ReadinessWait,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (onExit === 'fail' && !service.running()) {
      throw new Error(
        `${service.name} exited (${service.lastExit()}) while starting; its last lines:\n${service.lastLines()}`,
      );
    }
    try {
      const answer = await fetch(`${url}/health/ready`);
      const { status } = (await answer.json()) as { status: string };
      if (answer.ok && (readiness === 'serving' || status === 'ready')) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `${service.name} was not ${readiness} within ${timeoutMs / 1000} s` +
      (await checksOf(managementUrl)),
  );
}

async function checksOf(managementUrl: string): Promise<string> {
  try {
    const answer = await fetch(`${managementUrl}/health/ready`);
    const { checks } = (await answer.json()) as { checks?: Record<string, string> };
    return checks ? ` (${JSON.stringify(checks)})` : '';
  } catch {
    return ' (its management port does not answer)';
  }
}
