import type { KafkaMessage } from 'kafkajs';

/**
 * A batch's messages by key, each key's in offset order. Order matters only within a key (one
 * reservation's saga), so lanes can be worked on side by side; keyless messages share a lane.
 */
export function lanesByKey(messages: KafkaMessage[]): KafkaMessage[][] {
  const lanes = new Map<string, KafkaMessage[]>();
  for (const message of messages) {
    const key = message.key?.toString('latin1') ?? '';
    const lane = lanes.get(key);
    if (lane) lane.push(message);
    else lanes.set(key, [message]);
  }
  return [...lanes.values()];
}

export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/** Runs at most `limit` tasks at once; the others wait their turn, first come first served. */
export function createLimiter(limit: number): Limiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running < limit) running += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      // A waiter takes over this slot; otherwise it is free.
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
