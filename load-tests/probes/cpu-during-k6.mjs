// CPU seconds each process spent while a k6 run lasted (utime + stime from /proc), so a run's
// requests can be turned into CPU per request for the gateway, the queue, Redis and k6 itself.
// Start it, then the k6 run; it waits for k6, and prints when k6 exits.
// Usage: node load-tests/probes/cpu-during-k6.mjs & k6 run ...
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux
const SAMPLE_MS = 200;

function processes() {
  const found = new Map();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      // Fields after the command name, which may itself hold spaces: utime and stime are 12 and 13.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      found.set(pid, { command, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // exited while being read
    }
  }
  return found;
}

const isK6 = (command) => /(^|\/)k6 run/.test(command);
const k6Running = (found) => [...found.values()].some(({ command }) => isK6(command));

let first;
let last;
let startedAt;
let endedAt;
for (;;) {
  const found = processes();
  if (k6Running(found)) {
    first ??= found;
    startedAt ??= Date.now();
    last = found;
    endedAt = Date.now();
  } else if (first) break;
  await sleep(SAMPLE_MS);
}

console.log(`k6 ran ${((endedAt - startedAt) / 1000).toFixed(1)} s; CPU seconds meanwhile:`);
const spent = [...last].map(([pid, { command, ticks }]) => ({
  seconds: (ticks - (first.get(pid)?.ticks ?? 0)) / TICKS_PER_SECOND,
  pid,
  command,
}));
for (const { seconds, pid, command } of spent
  .filter(({ seconds }) => seconds >= 0.05)
  .sort((a, b) => b.seconds - a.seconds)) {
  console.log(`${seconds.toFixed(2).padStart(7)}  ${pid.padStart(7)}  ${command.slice(0, 110)}`);
}
