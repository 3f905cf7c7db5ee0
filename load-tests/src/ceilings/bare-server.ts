import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CapturedAnswer } from './captured-answer';

// The ceiling of a path: a node:http server that answers each request it was given the answer of
// with those same bytes, and does nothing else. Whatever it takes is Node's, k6's and the
// loopback's share of the real path, which no system on this machine can do without.

export interface BareServer {
  url: string;
  stop(): Promise<void>;
}

interface Prepared {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/** Answers each request it was given an answer for, with that answer; 404 to anything else. */
export function answering(answers: readonly CapturedAnswer[]): RequestListener {
  const byRequest = new Map<string, Prepared>(
    answers.map((answer) => [
      `${answer.method} ${answer.path}`,
      { status: answer.status, headers: answer.headers, body: Buffer.from(answer.body) },
    ]),
  );
  return (req, res) => {
    const answer = byRequest.get(`${req.method} ${req.url}`);
    if (!answer) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(answer.status, answer.headers).end(answer.body);
  };
}

export async function startBareServer(answers: readonly CapturedAnswer[]): Promise<BareServer> {
  const server = createServer(answering(answers));
  // Port 0: the kernel's choice, free by construction, nobody else's.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let stopped: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    /** Idempotent: the runner stops it after k6 and again on its way out. */
    stop: () => {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}
