import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CALLER_STATEMENT_HEADER,
  verifyCallerStatement,
  type CallerStatement,
  type ServiceName,
} from '@headliner/contracts';
import { testInternalAuthSecret } from '@headliner/testing';
import express, { type Request, type Response } from 'express';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: Request['headers'];
  body: unknown;
}

export type StubAnswer = (req: Request, res: Response) => void;

/**
 * A real HTTP server on a free port standing in for a service behind the gateway: it records
 * every request and answers with `answer`, which a test may swap at any time.
 */
export async function startStubService(name: ServiceName) {
  const received: ReceivedRequest[] = [];
  const stub = {
    url: '',
    received,
    answer: ((req, res) => res.json({ from: name, path: req.path })) as StubAnswer,
    close: () => Promise.resolve(),
    /** The caller statement of a received request, verified as the service would. */
    statementOf: (request: ReceivedRequest | undefined): CallerStatement => {
      const header = request?.headers[CALLER_STATEMENT_HEADER];
      return verifyCallerStatement(
        typeof header === 'string' ? header : undefined,
        testInternalAuthSecret,
        {
          audience: name,
        },
      );
    },
  };
  const app = express();
  app.use(express.json());
  app.use((req, res) => {
    received.push({
      method: req.method,
      url: req.originalUrl,
      headers: req.headers,
      body: req.body,
    });
    stub.answer(req, res);
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stub.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return stub;
}

export type StubService = Awaited<ReturnType<typeof startStubService>>;
