import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { System } from '@headliner/system';

const dlqTool = path.resolve(__dirname, '../../../../deploy/bin/dlq.mjs');
const run = promisify(execFile);

/**
 * Replays every entry still to be handled in `topic`'s DLQ with the operators' DLQ tool
 * (deploy/bin/dlq.mjs, as `npm run dlq -- replay` runs it), as the local broker's admin, in the
 * system's namespace. Replaying again finds nothing left to replay. Resolves with what it said.
 */
export async function replayDlq(system: System, topic: string): Promise<string> {
  const { KAFKA_ADMIN_USERNAME, KAFKA_ADMIN_PASSWORD } = process.env;
  const admin =
    KAFKA_ADMIN_USERNAME && !process.env.KAFKA_SASL_USERNAME
      ? { KAFKA_SASL_USERNAME: KAFKA_ADMIN_USERNAME, KAFKA_SASL_PASSWORD: KAFKA_ADMIN_PASSWORD }
      : {};
  const args = [dlqTool, 'replay', '--topic', topic, '--all', '--operator', 'headliner-drill'];
  const { stdout } = await run(process.execPath, args, {
    env: {
      ...process.env,
      ...admin,
      KAFKA_NAMESPACE: system.kafkaNamespace,
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      LOG_LEVEL: 'warn',
    },
    timeout: 120_000,
  });
  return stdout.trim();
}
