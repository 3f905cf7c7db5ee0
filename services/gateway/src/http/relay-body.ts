import type { IncomingMessage } from 'node:http';
import type { Response } from 'express';

// Most answers (a poll, a balance, a hold) are a few hundred bytes: collecting their chunks and
// ending with them writes headers and body at once, where a pipe cost a stream pipeline, a
// write and an end of its own per answer (about a sixth of the gateway's CPU on a poll).
const COLLECTED_UP_TO_BYTES = 64 * 1024;

/**
 * Sends the service's answer body on to the client as it is; a body cut off mid-way (a timeout,
 * a reset) closes the client's connection, so a truncated body is never taken for whole.
 */
export function relayBody(answer: IncomingMessage, res: Response): void {
  answer.once('close', () => {
    if (!answer.complete) res.destroy();
  });
  if (!(Number(answer.headers['content-length']) <= COLLECTED_UP_TO_BYTES)) {
    answer.pipe(res);
    return;
  }
  const chunks: Buffer[] = [];
  answer.on('data', (chunk: Buffer) => chunks.push(chunk));
  answer.once('end', () => res.end(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
}
