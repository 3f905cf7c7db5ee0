import { spawn, type SpawnOptions } from 'node:child_process';
import { createWriteStream } from 'node:fs';

export interface LoggedProcess {
  /** Where its stdout and stderr are written. */
  logFile: string;
  /** Also print its output. */
  echo: boolean;
  cwd?: string;
  env: SpawnOptions['env'];
}

/** Runs a tool (k6, schemathesis) to its end with its output in a log file; its exit code. */
export function runLogged(command: string, args: string[], run: LoggedProcess): Promise<number> {
  const log = createWriteStream(run.logFile);
  const child = spawn(command, args, {
    cwd: run.cwd,
    env: run.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk: Buffer) => {
      log.write(chunk);
      if (run.echo) process.stdout.write(chunk);
    });
  }
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => log.end(() => resolve(code ?? 1)));
  });
}
