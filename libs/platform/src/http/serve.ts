import type { Server } from 'node:http';
import type { Express } from 'express';
import type { Logger } from 'pino';
import type { Shutdown } from '../lifecycle/shutdown';

export interface ServeOptions {
  port: number;
  /** The address to listen on: HOST, loopback unless configured. */
  host: string;
  /** Named in the log line, e.g. 'management'; the public port is the 'api'. */
  role?: 'api' | 'management';
  /** Connections the kernel queues while the event loop is busy (Node's default: 511). */
  backlog?: number;
  logger: Logger;
  shutdown: Shutdown;
}

/** Listens on `host`:`port`, drained at shutdown; rejects when the port cannot be listened on. */
export function serve(app: Express, options: ServeOptions): Promise<Server> {
  const { port, host, backlog, logger, shutdown, role = 'api' } = options;
  return new Promise((resolve, reject) => {
    const server = app.listen({ port, host, backlog }, (error) => {
      if (error) return reject(error);
      logger.info({ host, port, role }, `${role} listening`);
      resolve(server);
    });
    shutdown.trackServer(server);
  });
}
