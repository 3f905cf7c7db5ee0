import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { runLogged } from './logged-process';

const root = path.resolve(__dirname, '../..');
export const scenariosDir = path.join(root, 'load-tests/scenarios');

let k6Path: string | undefined;

/** The pinned k6, built from the Go module proxy on first use (deploy/bin/k6.sh). */
function k6(): string {
  k6Path ??= execFileSync('bash', [path.join(root, 'deploy/bin/k6.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  return k6Path;
}

export interface K6Run {
  script: string;
  /** Handed to the script as __ENV (k6 also reads its own K6_* settings from here). */
  env: Record<string, string>;
  summaryFile: string;
  dashboardFile: string;
  logFile: string;
  /** Names the run in streamed metrics (the testid tag). */
  testId: string;
  /** The system label Prometheus scrapes the system under test with (the system tag). */
  systemId?: string;
  /** Also show k6's output on the console. */
  echo: boolean;
  /** Also write every sample to this CSV file, timestamps in ms (the fault runs read it). */
  csvFile?: string;
  /** Write the script's console lines, as printed (k6's log format raw), to this file. */
  consoleFile?: string;
}

/**
 * Where k6 streams its metrics by remote write: K6_PROMETHEUS_RW_SERVER_URL, else the local
 * Prometheus (PROMETHEUS_URL, which accepts remote write: deploy/infra/prometheus.sh), else
 * nowhere. Trends go as the stats the load-test dashboard reads unless K6_PROMETHEUS_RW_TREND_STATS
 * says otherwise.
 */
export function remoteWriteEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const { K6_PROMETHEUS_RW_SERVER_URL, PROMETHEUS_URL, K6_PROMETHEUS_RW_TREND_STATS } = env;
  const url = K6_PROMETHEUS_RW_SERVER_URL ?? (PROMETHEUS_URL && `${PROMETHEUS_URL}/api/v1/write`);
  if (!url) return {};
  return {
    K6_PROMETHEUS_RW_SERVER_URL: url,
    K6_PROMETHEUS_RW_TREND_STATS: K6_PROMETHEUS_RW_TREND_STATS ?? 'p(50),p(95),p(99),avg,max',
  };
}

/**
 * Runs one scenario script to the end and resolves with k6's exit code: 0, 99 when thresholds
 * were crossed, anything else when the script or k6 failed. Metrics also stream to Prometheus
 * by remote write when there is one (remoteWriteEnv).
 */
export function runK6(run: K6Run): Promise<number> {
  const remoteWrite = remoteWriteEnv(process.env);
  const outputs = [
    ...(remoteWrite.K6_PROMETHEUS_RW_SERVER_URL ? ['-o', 'experimental-prometheus-rw'] : []),
    ...(run.csvFile ? ['-o', `csv=${run.csvFile}`] : []),
  ];
  const args = [
    'run',
    '--quiet',
    '--no-usage-report',
    // No REST API: two k6 runs (or another engineer's) would fight over its port.
    '--address',
    '',
    '--tag',
    `testid=${run.testId}`,
    ...(run.systemId ? ['--tag', `system=${run.systemId}`] : []),
    ...(run.consoleFile ? ['--log-format', 'raw', '--console-output', run.consoleFile] : []),
    ...outputs,
    path.join(scenariosDir, run.script),
  ];
  return runLogged(k6(), args, {
    logFile: run.logFile,
    echo: run.echo,
    env: {
      ...process.env,
      ...remoteWrite,
      ...run.env,
      SUMMARY_FILE: run.summaryFile,
      K6_WEB_DASHBOARD: 'true',
      // No port: nothing waits for a browser, the HTML export is written at the end.
      K6_WEB_DASHBOARD_PORT: '-1',
      K6_WEB_DASHBOARD_PERIOD: '1s',
      K6_WEB_DASHBOARD_EXPORT: run.dashboardFile,
      K6_CSV_TIME_FORMAT: 'unix_milli',
    },
  });
}
