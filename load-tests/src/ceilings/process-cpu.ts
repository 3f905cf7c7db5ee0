import { readFileSync } from 'node:fs';

// How much CPU a process has used: from /proc (Linux), so the ceilings can set the services' CPU
// per request beside the bare server's.

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** User + system CPU seconds the process has used so far; undefined once it has exited. */
export function cpuSecondsOf(pid: number): number | undefined {
  try {
    // Fields after the command name, which may itself hold spaces: utime and stime are 12 and 13.
    const fields = (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}
