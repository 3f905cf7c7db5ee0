import { startBareServer } from '../ceilings/bare-server';
import { waitingTokenAnswer } from '../ceilings/probe-answer';
import { runK6 } from '../k6';
import { readSummary } from '../outcome';

// k6's own ceiling on this machine, measured in the same run as the scenario it is compared with:
// probes/k6-ceiling.js (the token spike's shape) against the bare server answering like the
// waiting room (src/ceilings/), so every second and CPU cycle it takes is k6's and the loopback's.
// The requests a second it reaches are what no system under test can beat.

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
  const bare = await startBareServer([waitingTokenAnswer]);
  try {
    const exitCode = await runK6({
      script: '../probes/k6-ceiling.js',
      env: { ...run.env, TARGET: bare.url },
      summaryFile: run.summaryFile,
      dashboardFile: run.dashboardFile,
      logFile: run.logFile,
      testId: run.testId,
      echo: run.echo,
    });
    const rate = (await readSummary(run.summaryFile)).http_reqs?.values.rate;
    return exitCode === 0 ? rate : undefined;
  } finally {
    await bare.stop();
  }
}
