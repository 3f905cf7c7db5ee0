import type { Logger } from 'pino';

export interface BackgroundStartOptions {
  /** What is started, for the logs and the readiness check, e.g. 'kafka'. */
  name: string;
  logger: Logger;
  /** Tried again from the beginning after a failure, so each step must bear repeating. */
  start: () => Promise<void>;
  firstDelayMs?: number;
  maxDelayMs?: number;
}

export interface BackgroundStart {
  /** A readiness check: throws why it has not started yet; returns once it has. */
  check(): void;
  /** Resolves once started, or once stopped before that. */
  readonly done: Promise<void>;
  /** No attempt after the one under way. */
  stop(): void;
}

/**
 * Starts what a service can answer without (the broker its outbox waits for, its consumers) while
 * the service already listens, trying again with capped exponential backoff until it succeeds.
 * kafkajs gives up connecting after its own few retries, about 10 s, when the broker is down at
 * boot (tulios/kafkajs#1034); awaiting it before listening made the services crash-loop.
 */
export function startInBackground(options: BackgroundStartOptions): BackgroundStart {
  const { name, logger, firstDelayMs = 500, maxDelayMs = 5_000 } = options;
  let started = false;
  let stopped = false;
  let lastFailure: string | undefined;
  let wakeUp: (() => void) | undefined;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const run = async () => {
    for (let attempt = 1; !stopped; attempt += 1) {
      try {
        await options.start();
        started = true;
        if (attempt > 1) logger.info({ attempt }, `${name} started`);
        return;
      } catch (error) {
        const delayMs = Math.min(maxDelayMs, firstDelayMs * 2 ** (attempt - 1));
        lastFailure = `${error instanceof Error ? error.message : String(error)} (attempt ${attempt})`;
        logger.warn({ err: error, attempt, delayMs }, `${name} not started; trying again`);
        await pause(delayMs);
      }
    }
  };

  return {
    check: () => {
      if (started) return;
      throw new Error(lastFailure === undefined ? 'starting' : `not started: ${lastFailure}`);
    },
    done: run(),
    stop: () => {
      stopped = true;
      wakeUp?.();
    },
  };
}
