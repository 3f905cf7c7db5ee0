// The bare server by hand, for a k6 run or a profile of your own: it answers the answers a
// ceilings run captured (<run folder>/ceilings.answers.json), or without a file the waiting room's
// answer that probes/k6-ceiling.js expects. Runs until interrupted.
// Usage: npx tsx load-tests/src/ceilings/bare-server-cli.ts [port (29999)] [answers.json]
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { answering } from './bare-server';
import type { CapturedAnswer } from './captured-answer';
import { waitingTokenAnswer } from './probe-answer';

async function main(): Promise<void> {
  const [port = '29999', answersFile] = process.argv.slice(2);
  const answers = answersFile
    ? (JSON.parse(await readFile(answersFile, 'utf8')) as CapturedAnswer[])
    : [waitingTokenAnswer];
  createServer(answering(answers)).listen(Number(port), '127.0.0.1', () => {
    for (const { method, path, status } of answers) console.log(`${method} ${path} → ${status}`);
    console.log(`bare server on http://127.0.0.1:${port}`);
  });
}

void main();
