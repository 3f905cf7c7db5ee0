import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runK6 } from '../k6';
import { readSummary } from '../outcome';

// k6's own ceiling on this machine, measured in the same run as the scenario it is compared with:
// probes/k6-ceiling.js (the token spike's shape) against a server that answers like the waiting
// room and does nothing else (as probes/echo-server.mjs), so every second and CPU cycle it takes is
// k6's and the loopback's. The requests a second it reaches are what no system under test can beat.

const waitingToken = JSON.stringify({
  queueToken: 'probe',
  scheduleId: 'probe',
  status: 'WAITING',
  position: 1,
  estimatedWaitSeconds: 1,
  pollAfterSeconds: 1,
});

export interface CeilingRun {
  /** The probe's env: SPIKE_VUS, RAMP_UP, HOLD, RAMP_DOWN, and k6's GOGC settings. */
  env: Record<string, string>;
  summaryFile: string;
  logFile: string;
  dashboardFile: string;
  testId: string;
  echo: boolean;
}

/** The probe's requests a second, or undefined when it did not run through. */
export async function measureK6Ceiling(run: CeilingRun): Promise<number | undefined> {
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(waitingToken);
  });
  // Port 0: the kernel's choice, free by construction, nobody else's.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const exitCode = await runK6({
      script: '../probes/k6-ceiling.js',
      env: { ...run.env, TARGET: `http://127.0.0.1:${port}` },
      summaryFile: run.summaryFile,
      dashboardFile: run.dashboardFile,
      logFile: run.logFile,
      testId: run.testId,
      echo: run.echo,
    });
    const rate = (await readSummary(run.summaryFile)).http_reqs?.values.rate;
    return exitCode === 0 ? rate : undefined;
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
