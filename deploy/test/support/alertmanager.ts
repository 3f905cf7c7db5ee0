import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export const root = path.resolve(__dirname, '../../..');
const configDir = path.join(root, 'deploy/observability/alertmanager');

export type Timing = { groupWait: string; groupInterval: string };
export type Webhooks = { page: string; ticket: string };

/** The template rendered as deploy/infra/alertmanager.sh renders it, into `file`. */
export function renderConfig(file: string, timing: Timing, webhooks: Webhooks): string {
  const values: Record<string, string> = {
    GROUP_WAIT: timing.groupWait,
    GROUP_INTERVAL: timing.groupInterval,
    PAGE_WEBHOOK_URL: webhooks.page,
    TICKET_WEBHOOK_URL: webhooks.ticket,
    TEMPLATES_DIR: configDir,
  };
  const template = readFileSync(path.join(configDir, 'alertmanager.yml.template'), 'utf8');
  const config = template.replace(/@([A-Z_]+)@/g, (placeholder, key: string) => {
    if (!(key in values)) throw new Error(`the template has an unknown ${placeholder}`);
    return values[key]!;
  });
  writeFileSync(file, config);
  return file;
}

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function until(what: string, ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await ready().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what} not ready after 15 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function daemon(command: string, args: string[]): ChildProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr?.on('data', (chunk) => (errors = (errors + chunk).slice(-4000)));
  child.once('exit', (code) => {
    if (code) console.error(`${command} exited with ${code}:\n${errors}`);
  });
  return child;
}

/** deploy/bin/alert-receiver.mjs on a free port, appending to `out`. */
export async function startReceiver(out: string) {
  const port = await freePort();
  const child = daemon(process.execPath, [
    path.join(root, 'deploy/bin/alert-receiver.mjs'),
    ...['--listen', `127.0.0.1:${port}`, '--out', out],
  ]);
  const url = `http://127.0.0.1:${port}`;
  await until('alert-receiver', async () => (await fetch(url)).status === 405);
  return { url, stop: () => child.kill() };
}

/** Debian's prometheus-alertmanager on a free port with `config`, data in `dataDir`. */
export async function startAlertmanager(config: string, dataDir: string) {
  const port = await freePort();
  const child = daemon('prometheus-alertmanager', [
    `--config.file=${config}`,
    `--storage.path=${dataDir}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--cluster.listen-address=',
  ]);
  const url = `http://127.0.0.1:${port}`;
  await until('alertmanager', async () => (await fetch(`${url}/-/ready`)).ok);
  return { url, stop: () => child.kill() };
}

export type SlackAttachment = {
  title: string;
  text: string;
  color: string;
  fields: { title: string; value: string }[];
};
export type ReceivedMessage = {
  receivedAt: string;
  path: string;
  message: { channel: string; attachments: SlackAttachment[] };
};

/** The Slack messages the receiver has appended to `file` so far. */
export function receivedMessages(file: string): ReceivedMessage[] {
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  return lines.map((line) => JSON.parse(line) as ReceivedMessage);
}
