// The operators' DLQ tool: `npm run dlq -- --help` says what it does; the code is in
// libs/platform/src/messaging/dlq, the topic registry in libs/contracts.
import { topics } from '@headliner/contracts';
import { runDlqCli } from '@headliner/platform/dlq';

process.exitCode = await runDlqCli(process.argv.slice(2), {
  env: process.env,
  registry: Object.values(topics),
});
