// CPU per Redis command with and without redis_command_duration_seconds, against the real Redis:
// what timing every command costs the gateway's and the queue's hot paths. Run from libs/platform
// with REDIS_URL set (`set -a; . ../../.local/infra.env`):
//   npx tsx bench/redis-command-metrics.ts [commands]
import { infraUrl } from '@headliner/testing';
import { Redis } from 'ioredis';
import pino from 'pino';
import { timeRedisCommands } from '../src/redis/command-metrics';

const commands = Number(process.argv[2] ?? 50_000);
// Commands in flight at once, as a burst of requests sends them.
const inFlight = 50;
const rounds = 9;
const key = `bench:redis-command-metrics:${process.pid}`;

async function cpuPerCommand(redis: Redis): Promise<number> {
  const before = process.cpuUsage();
  for (let sent = 0; sent < commands; sent += inFlight) {
    await Promise.all(Array.from({ length: inFlight }, () => redis.get(key)));
  }
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / commands;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

async function main() {
  const url = infraUrl('REDIS_URL');
  const plain = new Redis(url);
  const timed = timeRedisCommands(new Redis(url));
  const logger = pino();
  try {
    await Promise.all([plain.set(key, 'x'), timed.ping()]);
    await cpuPerCommand(plain); // warm-up: JIT and connection
    await cpuPerCommand(timed);
    // Alternating rounds and their medians: other processes share the machine's cores.
    const untimed: number[] = [];
    const withTiming: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      untimed.push(await cpuPerCommand(plain));
      withTiming.push(await cpuPerCommand(timed));
    }
    const [plainUs, timedUs] = [median(untimed), median(withTiming)];
    logger.info(
      { rounds, commands, plainUs: plainUs.toFixed(2), timedUs: timedUs.toFixed(2) },
      `median CPU per GET: ${(timedUs - plainUs).toFixed(2)} µs (${((timedUs / plainUs - 1) * 100).toFixed(1)}%) more when timed`,
    );
  } finally {
    await plain.del(key);
    plain.disconnect();
    timed.disconnect();
  }
}

void main();
