import type { Server, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

export interface ShutdownOptions {
  logger: Logger;
  /** Budget for the whole shutdown; what is still running then is cut off and the exit code is 1. */
  timeoutMs: number;
  /**
   * How long to keep accepting connections after readiness turns 503, so load balancers stop
   * routing here before the listener closes. 0 when the platform does it (a Kubernetes preStop).
   */
  drainDelayMs?: number;
  /** Signals that start the shutdown; tests pass none and call run(). */
  signals?: readonly NodeJS.Signals[];
}

export interface Shutdown {
  /** True from the first signal on: the health endpoints answer 503. */
  isShuttingDown(): boolean;
  /** Stop accepting on this server at shutdown and wait for its in-flight requests. */
  trackServer(server: Server): void;
  /**
   * Run `close` at shutdown, after the HTTP servers drained. Closers run in reverse order of
   * registration, like unwinding: register each resource right after creating it, and telemetry
   * (created first) closes last.
   */
  onClose(name: string, close: () => unknown): void;
  /** Shuts down once, however often it is called; resolves with the exit code. */
  run(reason: string): Promise<number>;
}

export function createShutdown(options: ShutdownOptions): Shutdown {
  const { logger, timeoutMs, drainDelayMs = 0 } = options;
  const servers: Server[] = [];
  const inFlight = new Set<ServerResponse>();
  const closers: { name: string; close: () => unknown }[] = [];
  let running: Promise<number> | undefined;

  // Without `Connection: close`, a keep-alive connection goes idle after its response and the
  // server waits for the client's keep-alive timeout before it can finish closing.
  const closeAfterResponse = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('Connection', 'close');
  };

  async function drain(reason: string): Promise<number> {
    logger.info({ reason }, 'shutting down: draining in-flight requests');
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timed out'>((resolve) => {
      timer = setTimeout(() => resolve('timed out'), timeoutMs);
    });
    let exitCode = 0;

    await new Promise((resolve) => setTimeout(resolve, drainDelayMs));
    inFlight.forEach(closeAfterResponse);
    const drained = Promise.all(servers.map((server) => stopAccepting(server)));
    if ((await Promise.race([drained, deadline])) === 'timed out') {
      logger.warn(
        { cutOff: inFlight.size },
        'requests still in flight at the timeout were cut off',
      );
      servers.forEach((server) => server.closeAllConnections());
      exitCode = 1;
    }

    for (const { name, close } of closers) {
      const closed = Promise.resolve()
        .then(close)
        .then(
          () => 'closed' as const,
          (error: unknown) => {
            logger.error({ err: error }, `closing ${name} failed`);
            return 'failed' as const;
          },
        );
      const outcome = await Promise.race([closed, deadline]);
      if (outcome === 'timed out') logger.warn(`closing ${name} did not finish in time`);
      if (outcome !== 'closed') exitCode = 1;
    }

    clearTimeout(timer);
    logger.info({ exitCode }, 'shutdown complete');
    return exitCode;
  }

  const shutdown: Shutdown = {
    isShuttingDown: () => running !== undefined,
    trackServer(server) {
      servers.push(server);
      server.on('request', (_req, res: ServerResponse) => {
        inFlight.add(res);
        res.once('close', () => inFlight.delete(res));
        if (running) closeAfterResponse(res);
      });
    },
    onClose(name, close) {
      closers.unshift({ name, close });
    },
    run(reason) {
      running ??= drain(reason);
      return running;
    },
  };

  // `once`: a second Ctrl-C gets Node's default handling and ends a stuck shutdown at once.
  for (const signal of options.signals ?? ['SIGTERM', 'SIGINT']) {
    process.once(signal, () => {
      void shutdown.run(signal).then(
        (exitCode) => process.exit(exitCode),
        () => process.exit(1),
      );
    });
  }
  return shutdown;
}

/** Resolves once the server stopped listening and its last connection closed. */
function stopAccepting(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
