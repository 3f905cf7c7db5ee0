import { Writable } from 'node:stream';
import { createLogger } from '@headliner/platform';

/** A logger whose JSON lines the test can read back. */
export function recordingLogger() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ service: 'queue', destination }), lines };
}
