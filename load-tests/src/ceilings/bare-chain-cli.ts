// One hop of the bare chain in a process of its own, as the gateway and each service run in theirs:
//   bare-chain-cli.ts backend <config.json>   the captured answers behind their round trips
//   bare-chain-cli.ts proxy <backend url>     the forwarding hop in front of it
// Each listens on a port the kernel picks, prints "listening <url>" and runs until SIGTERM or
// SIGINT (the backend then deletes its Redis keys). The runner starts both (bare-chain.ts).
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forwarding } from './bare-proxy';
import { chainBackend } from './chain-backend';
import { openRoundTrips } from './chain-round-trips';
import type { ChainBackendConfig } from './bare-chain';

function listen(server: Server, onStop: () => Promise<void>): void {
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    console.log(`listening http://127.0.0.1:${port}`);
  });
  const stop = () => {
    server.close();
    server.closeAllConnections();
    void onStop().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

async function main(): Promise<void> {
  const [hop, argument] = process.argv.slice(2);
  if (hop === 'proxy' && argument) {
    listen(createServer(forwarding(argument)), () => Promise.resolve());
  } else if (hop === 'backend' && argument) {
    const config = JSON.parse(await readFile(argument, 'utf8')) as ChainBackendConfig;
    const trips = await openRoundTrips(config.stores, config.fans);
    listen(createServer(chainBackend(config.routes, trips)), () => trips.close());
  } else {
    throw new Error('usage: bare-chain-cli.ts backend <config.json> | proxy <backend url>');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
