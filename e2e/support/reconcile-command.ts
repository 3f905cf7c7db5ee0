import { spawn } from 'node:child_process';
import path from 'node:path';
import type { System } from '@headliner/system';

const root = path.resolve(__dirname, '../..');

/** One mismatch as `npm run reconcile` logs it. */
export interface LoggedMismatch {
  kind: string;
  reservationId: string;
  seatId?: string;
  paymentId?: string;
  userId?: string;
  /** The event a repair sends; absent when the mismatch has none. */
  repair?: string;
  /** sent, moved_on or dry_run; absent when it has no repair. */
  outcome?: string;
}

export interface ReconcileRun {
  exitCode: number | null;
  mismatches: LoggedMismatch[];
  summary: string;
}

/** Runs `npm run reconcile`'s script against one system's databases and reads its log lines. */
export function runReconcile(system: System, args: string[]): Promise<ReconcileRun> {
  const child = spawn(process.execPath, [path.join(root, 'deploy/bin/reconcile.mjs'), ...args], {
    cwd: root,
    env: {
      ...process.env,
      RECONCILE_RESERVATION_DATABASE_URL: system.databaseUrl('reservation'),
      RECONCILE_WALLET_DATABASE_URL: system.databaseUrl('wallet'),
      RECONCILE_CONCERT_DATABASE_URL: system.databaseUrl('concert'),
      KAFKA_NAMESPACE: system.kafkaNamespace,
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode) => {
      const lines = stdout.split('\n').filter((line) => line.startsWith('{'));
      const mismatches = lines
        .map((line) => JSON.parse(line) as LoggedMismatch & { msg: string })
        .filter((line) => line.msg.startsWith('reconciliation:'))
        .map(({ kind, reservationId, seatId, paymentId, userId, repair, outcome }) => ({
          kind,
          reservationId,
          seatId,
          paymentId,
          userId,
          repair,
          outcome,
        }));
      resolve({ exitCode, mismatches, summary: stderr.trim() });
    });
  });
}
