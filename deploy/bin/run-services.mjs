// Runs all five services in the foreground with one readable, prefixed log stream, prints the
// gateway URL once every service is ready, restarts a service that dies (see supervise.mjs),
// and stops them all on Ctrl-C.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import concurrently from 'concurrently';
import { services } from './services.mjs';
import { serviceEnv } from './service-env.mjs';
import { superviseRestarts } from './supervise.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// concurrently passes Ctrl-C (and SIGTERM, SIGHUP) on to every service.
const run = concurrently(
  services.map(({ name }) => ({
    name,
    command: `node services/${name}/dist/main.js`,
    env: serviceEnv(root, name, { LOG_FORMAT: process.env.LOG_FORMAT ?? 'pretty' }),
  })),
  { cwd: root, prefix: 'name', prefixColors: 'auto' },
);
const supervisor = superviseRestarts(run, {
  log: (line) => console.log(`[supervisor] ${line}`),
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, supervisor.stop);
supervisor.stopped.then(() => process.exit(0));

async function waitUntilReady() {
  const deadline = Date.now() + 120_000;
  for (const { name, port } of services) {
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/health/ready`)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`${name} did not become ready in 120 s`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

waitUntilReady().then(
  () =>
    console.log(
      `\nHeadliner is up: http://127.0.0.1:8080 (API docs: http://127.0.0.1:8080/docs). Ctrl-C stops it.\n`,
    ),
  (error) => console.error(`\n${error.message}; see the logs above.\n`),
);
