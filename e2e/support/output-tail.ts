import type { ChildProcess } from 'node:child_process';

/**
 * Passes a child's stdout and stderr through to ours and keeps its last lines, so an error about
 * the child can quote them: a CI excerpt shows the end of the output, not the child's last words
 * printed among other services' lines.
 */
export function keepOutputTail(child: ChildProcess, lines = 5): () => string {
  const tail: string[] = [];
  const remember = (chunk: Buffer) => {
    tail.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - lines));
  };
  child.stdout?.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    remember(chunk);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    remember(chunk);
  });
  return () => tail.join('\n');
}
