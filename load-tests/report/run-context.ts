import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

// Where and on what the run was measured: the commit, the machine, the tool versions.

const run = promisify(execFile);

export interface RunContext {
  reportedAt: Date;
  /** Short commit hash, with "+ uncommitted changes" when the work tree differs from it. */
  commit: string;
  machine: string;
}

export interface RunContextGiven {
  k6Version?: string;
  now?: Date;
}

async function output(command: string, args: string[], cwd: string): Promise<string | undefined> {
  try {
    return (await run(command, args, { cwd, timeout: 10_000 })).stdout.trim();
  } catch {
    return undefined;
  }
}

async function commitOf(dir: string): Promise<string> {
  const hash = await output('git', ['rev-parse', '--short', 'HEAD'], dir);
  if (!hash) return 'unknown (not a git work tree)';
  const changes = await output('git', ['status', '--porcelain', '--untracked-files=no'], dir);
  return changes ? `${hash} + uncommitted changes` : hash;
}

/** The pinned k6 that deploy/bin/k6.sh builds, when the caller did not say which k6 ran. */
async function pinnedK6Version(dir: string): Promise<string | undefined> {
  const root = await output('git', ['rev-parse', '--show-toplevel'], dir);
  if (!root) return undefined;
  const version = await output(path.join(root, '.local/toolchain/bin/k6'), ['version'], dir);
  return version?.match(/v\d+\.\d+\.\d+\S*/)?.[0];
}

export async function gatherRunContext(
  runDir: string,
  given: RunContextGiven = {},
): Promise<RunContext> {
  const cpus = os.cpus();
  const k6 = given.k6Version ?? (await pinnedK6Version(runDir));
  const machine = [
    `${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'})`,
    `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
    `${os.type()} ${os.release()}`,
    `Node ${process.version}`,
    ...(k6 ? [`k6 ${k6}`] : []),
  ].join(', ');
  return { reportedAt: given.now ?? new Date(), commit: await commitOf(runDir), machine };
}
