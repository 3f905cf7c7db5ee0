// The local stack's stand-in for Slack: takes the incoming-webhook POSTs Alertmanager sends
// (deploy/observability/alertmanager/alertmanager.yml.template), appends each as one JSON line
// {receivedAt, path, message} to a file and prints a line per alert group. deploy/infra/alertmanager.sh
// runs it on ALERT_WEBHOOK_URL's port; the alert tests run their own.
//   node deploy/bin/alert-receiver.mjs --listen 127.0.0.1:9099 --out .local/logs/alerts.jsonl
import { appendFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { listen: { type: 'string' }, out: { type: 'string' } },
});
if (!values.listen || !values.out) {
  console.error('usage: alert-receiver.mjs --listen HOST:PORT --out FILE.jsonl');
  process.exit(2);
}
const [host, port] = [values.listen.replace(/:\d+$/, ''), Number(values.listen.split(':').pop())];
mkdirSync(path.dirname(values.out), { recursive: true });

// Alertmanager's messages are a few kB; anything far bigger is not one of them.
const maxBodyBytes = 1 << 20;

async function readBody(request) {
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > maxBodyBytes) throw new Error(`body larger than ${maxBodyBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

// Answers as Slack does: 200 "ok", or 400 with the reason.
function answer(response, status, text) {
  response.writeHead(status, { 'content-type': 'text/plain' }).end(text);
}

const server = createServer(async (request, response) => {
  if (request.method !== 'POST') return answer(response, 405, 'POST a Slack message');
  let message;
  try {
    message = JSON.parse(await readBody(request));
  } catch (error) {
    return answer(response, 400, `invalid_payload: ${error.message}`);
  }
  const receivedAt = new Date().toISOString();
  appendFileSync(values.out, `${JSON.stringify({ receivedAt, path: request.url, message })}\n`);
  for (const attachment of message.attachments ?? [{ title: message.text }]) {
    console.log(`${receivedAt} ${message.channel ?? request.url} ${attachment.title}`);
  }
  answer(response, 200, 'ok');
});

server.listen(port, host, () => console.log(`alert-receiver: listening on ${values.listen}`));
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close());
