// The gateway alone with the environment others.mjs wrote; node's own arguments (--cpu-prof …) from
// the command line.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
const root = new URL('../../../', import.meta.url).pathname;
const env = JSON.parse(readFileSync(`${root}.local/gateway-hot-routes/gateway.env.json`, 'utf8'));
const child = spawn(
  process.execPath,
  [...process.argv.slice(2), `${root}services/gateway/dist/main.js`],
  { env, cwd: root, stdio: 'inherit' },
);
for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => child.kill('SIGTERM'));
child.on('exit', (code) => process.exit(code ?? 0));
console.log(`gateway pid ${child.pid}`);
