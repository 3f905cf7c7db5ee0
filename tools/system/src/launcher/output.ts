import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { styleText } from 'node:util';

const prefixColors = ['cyan', 'magenta', 'green', 'yellow', 'blue'] as const;

/** The `[name]` a line of one of several processes starts with, coloured on a terminal. */
export function linePrefix(name: string, index: number): string {
  return `${styleText(prefixColors[index % prefixColors.length]!, `[${name}]`)} `;
}

/**
 * Passes a child's stdout and stderr through to ours (or both to `output`) line by line, after
 * `prefix`, and keeps its last lines, so an error about the child can quote them: a CI excerpt
 * shows the end of the output, not the child's last words printed among other services' lines.
 */
export function relayOutput(
  child: ChildProcess,
  prefix: string,
  tail: string[],
  output?: NodeJS.WritableStream,
  keep = 5,
): void {
  const relay = (stream: NodeJS.ReadableStream | null, to: NodeJS.WritableStream) => {
    if (!stream) return;
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      to.write(`${prefix}${line}\n`);
      if (!line) return;
      tail.push(line);
      tail.splice(0, Math.max(0, tail.length - keep));
    });
  };
  relay(child.stdout, output ?? process.stdout);
  relay(child.stderr, output ?? process.stderr);
}
