import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

// Which process listens on a port, and how much CPU a process has used: from /proc (Linux), so the
// ceilings can set the services' CPU per request beside the bare server's.

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

const LISTEN = '0A';

function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const [, local, , state, , , , , , inode] = line.trim().split(/\s+/);
      if (state === LISTEN && local && parseInt(local.split(':')[1] ?? '', 16) === port && inode) {
        inodes.add(inode);
      }
    }
  }
  return inodes;
}

/** The process whose socket listens on `port`, if this user can see it. */
export function pidListeningOn(port: number): number | undefined {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return undefined;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (inodes.has(target.slice('socket:['.length, -1))) return Number(pid);
      } catch {
        // closed while being read
      }
    }
  }
  return undefined;
}

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
