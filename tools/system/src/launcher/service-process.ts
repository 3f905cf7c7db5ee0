import { spawn, type ChildProcess } from 'node:child_process';
import { relayOutput } from './output';

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  upMs: number;
}

/** One service's process, started again as often as it is asked to. */
export interface ServiceProcess {
  readonly name: string;
  /** Spawns it; nothing while it runs. */
  start(): void;
  running(): boolean;
  /** Its process id while it runs (node itself: it is spawned without a wrapper). */
  pid(): number | undefined;
  /** How it last exited: its code, or the signal that ended it. */
  lastExit(): string;
  /** Called after each exit, once the process is gone. */
  onExit(listener: (exit: ProcessExit) => void): void;
  /** SIGKILL: no drain, no offset commit, as in a crash. */
  kill(): Promise<void>;
  /** SIGSTOP: the process keeps its sockets open and answers nothing, as a stalled upstream. */
  pause(): void;
  /** SIGCONT: a paused process carries on where it stopped; nothing when it is not paused. */
  resume(): void;
  /** SIGTERM, so it drains and closes; SIGKILL when it has not exited within `graceMs`. */
  terminate(graceMs?: number): Promise<void>;
  /** Its last lines of output, for an error to quote. */
  lastLines(): string;
}

export interface ServiceCommand {
  name: string;
  /** Node's arguments: the script and its own. */
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** What each output line starts with ('' for none). */
  prefix: string;
  /** Where its output goes instead of our stdout and stderr. */
  output?: NodeJS.WritableStream;
}

export function serviceProcess({
  name,
  args,
  env,
  cwd,
  prefix,
  output,
}: ServiceCommand): ServiceProcess {
  const listeners: ((exit: ProcessExit) => void)[] = [];
  const tail: string[] = [];
  let child: ChildProcess | undefined;
  let lastExit = 'not started';
  // A child killed by a signal keeps exitCode null and sets signalCode instead.
  const running = () => child !== undefined && child.exitCode === null && child.signalCode === null;
  const exited = (current: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (current.exitCode !== null || current.signalCode !== null) resolve();
      else current.once('exit', () => resolve());
    });
  return {
    name,
    running,
    pid: () => (running() ? child?.pid : undefined),
    lastExit: () => lastExit,
    start: () => {
      if (running()) return;
      const startedAt = Date.now();
      const current = spawn(process.execPath, args, {
        cwd,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = current;
      relayOutput(current, prefix, tail, output);
      current.once('exit', (code, signal) => {
        lastExit = signal ? `signal ${signal}` : `code ${code}`;
        for (const listener of listeners) listener({ code, signal, upMs: Date.now() - startedAt });
      });
    },
    onExit: (listener) => listeners.push(listener),
    kill: async () => {
      if (!child || !running()) return;
      const current = child;
      current.kill('SIGKILL');
      await exited(current);
    },
    pause: () => {
      if (child && running()) child.kill('SIGSTOP');
    },
    resume: () => {
      if (child && running()) child.kill('SIGCONT');
    },
    terminate: async (graceMs = 15_000) => {
      if (!child || !running()) return;
      const current = child;
      const force = setTimeout(() => current.kill('SIGKILL'), graceMs);
      current.kill('SIGTERM');
      // A paused process handles SIGTERM only once it runs again.
      current.kill('SIGCONT');
      await exited(current);
      clearTimeout(force);
    },
    lastLines: () => tail.join('\n'),
  };
}
