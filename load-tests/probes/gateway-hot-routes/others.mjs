// The four services other than the gateway, as npm start runs them (runLocalSystem), until SIGINT;
// writes the gateway's environment to .local/gateway-hot-routes/gateway.env.json for gateway.mjs.
import { localSystemEnv, serviceEnv, serviceProcess, serviceNames } from '@headliner/system';
import { grantLocalSystemAcls } from '@headliner/system/dist/kafka-namespace.js';
import { ensureRedisUsers } from '@headliner/system/dist/redis-users.js';
import { mkdirSync, writeFileSync } from 'node:fs';
const system = localSystemEnv();
await grantLocalSystemAcls();
if (system.redisUsers) await ensureRedisUsers(system.env.REDIS_URL, system.redisUsers);
const root = new URL('../../../', import.meta.url).pathname;
mkdirSync(`${root}.local/gateway-hot-routes`, { recursive: true });
writeFileSync(
  `${root}.local/gateway-hot-routes/gateway.env.json`,
  JSON.stringify(serviceEnv('gateway', system)),
);
const procs = serviceNames
  .filter((n) => n !== 'gateway')
  .map((name) => {
    const p = serviceProcess({
      name,
      args: [`${root}services/${name}/dist/main.js`],
      env: serviceEnv(name, system),
      cwd: root,
      prefix: `[${name}] `,
    });
    p.start();
    return p;
  });
process.once('SIGINT', async () => {
  await Promise.all(procs.map((p) => p.terminate()));
  process.exit(0);
});
