import type { Command, Redis } from 'ioredis';
import { Histogram } from 'prom-client';

const commandDuration = new Histogram<'command'>({
  name: 'redis_command_duration_seconds',
  help: 'Redis commands from sending to the answer, by command (scripts as evalsha)',
  labelNames: ['command'],
  buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
});

// One bound child per command name, made once.
const byCommand = new Map<string, ReturnType<typeof commandDuration.labels>>();
const observerOf = (command: string) => {
  let observer = byCommand.get(command);
  if (!observer) {
    observer = commandDuration.labels(command);
    byCommand.set(command, observer);
  }
  return observer;
};

/**
 * Times every command the connection sends, pipelines' one by one, into
 * redis_command_duration_seconds (CPU: bench/redis-command-metrics.ts). For a connection without
 * an offline queue: one that queues commands while offline sends them through here again.
 */
export function timeRedisCommands(redis: Redis): Redis {
  const send = redis.sendCommand.bind(redis);
  redis.sendCommand = (command: Command, stream) => {
    // Named before sending: a script's command turns from evalsha into eval when it is written to
    // a connection that has not loaded the script yet.
    const observer = observerOf(command.name.toLowerCase());
    const start = performance.now();
    const observe = () => observer.observe((performance.now() - start) / 1000);
    command.promise.then(observe, observe);
    return send(command, stream);
  };
  return redis;
}
