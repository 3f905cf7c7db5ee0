import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { runLogged } from '../logged-process';
import type { FuzzCredentials } from './fuzz-credentials';

const root = path.resolve(__dirname, '../../..');

/** The pinned schemathesis, installed from PyPI on first use (deploy/bin/schemathesis.sh). */
function schemathesis(): string {
  return execFileSync('bash', [path.join(root, 'deploy/bin/schemathesis.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
}

export interface FuzzSize {
  /** Generated cases per operation and phase. */
  maxExamples: number;
  /** Seconds of fuzzing: schemathesis repeats its fuzzing and stateful phases until they are spent. */
  maxSeconds: number;
  /** Fewer requests than this and the run does not count. */
  minRequests: number;
}

/** Where schemathesis's own reports go in the run folder. */
export const reportFiles = { junit: 'junit.xml', ndjson: 'events.ndjson', log: 'schemathesis.log' };

export interface SchemathesisRun {
  gatewayUrl: string;
  size: FuzzSize;
  /** Where reportFiles go. */
  runDir: string;
  /** The credentials the auth hooks apply (headliner_auth.py). */
  credentials: FuzzCredentials;
  echo: boolean;
}

/**
 * Every operation of the gateway's own OpenAPI document, every check, every phase (stateful
 * included, on the links schemathesis finds or infers), to the end. Resolves with its exit code:
 * 0 when no check failed.
 */
export function runSchemathesis(run: SchemathesisRun): Promise<number> {
  const args = [
    '--config-file',
    path.join(__dirname, 'schemathesis.toml'),
    'run',
    `${run.gatewayUrl}/docs/openapi.json`,
    '--checks',
    'all',
    '--phases',
    'examples,coverage,fuzzing,stateful',
    '--max-examples',
    String(run.size.maxExamples),
    '--max-time',
    String(run.size.maxSeconds),
    '--continue-on-failure',
    '--suppress-health-check',
    'all',
    '--request-timeout',
    '30',
    '--generation-database',
    'none',
    '--no-color',
    '--report',
    'junit,ndjson',
    '--report-junit-path',
    path.join(run.runDir, reportFiles.junit),
    '--report-ndjson-path',
    path.join(run.runDir, reportFiles.ndjson),
  ];
  return runLogged(schemathesis(), args, {
    logFile: path.join(run.runDir, reportFiles.log),
    echo: run.echo,
    // schemathesis keeps failures to replay (`st replay <id>`) in .schemathesis/ under its
    // working directory: with the run's results, so a run never replays an earlier run's.
    cwd: run.runDir,
    env: {
      ...process.env,
      PYTHONPATH: __dirname,
      PYTHONDONTWRITEBYTECODE: '1',
      SCHEMATHESIS_HOOKS: 'headliner_hooks',
      FUZZ_GATEWAY_URL: run.gatewayUrl,
      FUZZ_FAN_TOKEN: run.credentials.fanToken,
      FUZZ_ADMIN_TOKEN: run.credentials.adminToken,
      FUZZ_SCHEDULE_ID: run.credentials.scheduleId,
    },
  });
}
