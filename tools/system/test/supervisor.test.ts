import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Runs the supervisor over a service living `lifetimes` ms in its successive runs. */
function superviseFlaky(lifetimes: string[]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'supervise-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/support/supervise-flaky.ts', path.join(dir, 'runs'), ...lifetimes],
    // Its own process group, so the clean-up can end the services it spawned with it.
    { cwd: path.resolve(__dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'], detached: true },
  );
  const lines: string[] = [];
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => lines.push(...chunk.split('\n').filter(Boolean)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const untilLine = async (text: string) => {
    const deadline = Date.now() + 30_000;
    while (!lines.some((line) => line.includes(text))) {
      if (Date.now() > deadline) throw new Error(`never printed "${text}":\n${lines.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const cleanUp = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // The group is gone already: the supervisor stopped and took its service with it.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { child, lines, exited, untilLine, cleanUp };
}

/** Running, not a zombie nobody has reaped yet (its parent, the supervisor, is gone). */
const isRunning = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

const servicePids = (lines: string[]) =>
  lines.flatMap((line) => /run \d+ up \(pid (\d+)\)/.exec(line)?.[1] ?? []).map(Number);

const restartPauses = (lines: string[]) =>
  lines.flatMap((line) => /\[supervisor\].*restarting in ([\d.]+ s)/.exec(line)?.[1] ?? []);

describe('when a service keeps dying', () => {
  it('restarts it after pauses that double up to a cap, and from the first again once it stayed up', async () => {
    // Four quick deaths, then one after 3.5 s up (past the 3 s that count as stable), then up.
    const flaky = superviseFlaky(['0', '0', '0', '0', '3500']);
    try {
      await flaky.untilLine('run 6 up');

      expect(restartPauses(flaky.lines)).toEqual(['0.05 s', '0.1 s', '0.2 s', '0.2 s', '0.05 s']);
      expect(flaky.lines).toContainEqual(
        expect.stringMatching(/^\[supervisor\] flaky exited \(1\) after [\d.]+ s; restarting/),
      );
    } finally {
      flaky.cleanUp();
    }
    // Killing the supervisor must not leave its service running after the test.
    const lastRun = servicePids(flaky.lines).at(-1)!;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(isRunning(lastRun)).toBe(false);
  });
});

describe('when Ctrl-C stops the services', () => {
  it('restarts none of them and exits once they have', async () => {
    const flaky = superviseFlaky([]);
    try {
      await flaky.untilLine('run 1 up');

      flaky.child.kill('SIGINT');

      expect(await flaky.exited).toBe(0);
      expect(flaky.lines).toContain('[supervisor] stopped');
      expect(restartPauses(flaky.lines)).toEqual([]);
      expect(flaky.lines.filter((line) => line.includes(' up'))).toHaveLength(1);
    } finally {
      flaky.cleanUp();
    }
  });
});
