import type { IncomingMessage } from 'node:http';
import { ProblemError } from '@headliner/platform';
import type { Upstream } from '../infra/upstreams';

/** The whole body of a service's answer; a 502 problem when it is cut off. */
export async function answerBody(upstream: Upstream, answer: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of answer) chunks.push(chunk as Buffer);
  } catch (error) {
    throw new ProblemError({
      status: 502,
      title: 'Bad gateway',
      type: 'upstream-answer-cut-off',
      detail: `The ${upstream.name} service's answer was cut off. Please try again shortly.`,
      extensions: { upstream: upstream.name },
      cause: error,
    });
  }
  return Buffer.concat(chunks);
}
