// Where a request's time goes on an idle system: one fan, one request at a time, keep-alive.
// Boots the five services as the end-to-end tests do (fresh databases, rate limits raised), then prints
// the balance read straight to the wallet, through the gateway, and the gateway's no-op health
// route; then 30 payments, each with the two hops of its saga read from the databases
// (reservation's payment row → the wallet's debit → the answer recorded; transaction start times).
// Usage: npx tsx e2e/probes/latency-at-rest.ts
import http from 'node:http';
import { ADMIN, startSystem, type System } from '@headliner/system';
import { asUser } from '@headliner/testing';
import { Client } from 'pg';
import { Fan, createSchedule } from '../support/gateway-client';

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function timedGet(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    http
      .get(url, { agent, headers }, (response) => {
        if (response.statusCode !== 200) reject(new Error(`${url}: ${response.statusCode}`));
        response.resume();
        response.on('end', () => resolve(performance.now() - started));
      })
      .on('error', reject);
  });
}

function describe(label: string, ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.floor(q * (sorted.length - 1))]!.toFixed(2);
  const avg = (ms.reduce((sum, m) => sum + m, 0) / ms.length).toFixed(2);
  return `${label}: avg ${avg} p50 ${at(0.5)} p95 ${at(0.95)} ms (${ms.length})`;
}

async function reads(label: string, url: string, headers: Record<string, string>) {
  for (let i = 0; i < 300; i += 1) await timedGet(url, headers);
  const ms: number[] = [];
  for (let i = 0; i < 2000; i += 1) ms.push(await timedGet(url, headers));
  console.log(describe(label, ms));
}

async function payments(system: System, admin: Fan) {
  const { scheduleId, seats } = await createSchedule(admin, 30, 1_000);
  const payMs: number[] = [];
  for (const [i, seat] of seats.entries()) {
    const fan = await new Fan(system.gatewayUrl, `rest_${i}_${Date.now()}`).signUpAndLogIn();
    await fan.charge(10_000);
    await fan.takeQueueToken(scheduleId);
    await fan.waitUntilActive();
    const hold = await fan.hold(scheduleId, seat.seatId);
    const started = performance.now();
    const paid = await fan.pay(hold.body.reservationId);
    if (paid.status !== 200) throw new Error(`payment answered ${paid.status}`);
    payMs.push(performance.now() - started);
  }
  const epochMs = (column: string) => `extract(epoch FROM ${column}) * 1000 AS`;
  const reservation = new Client(system.databaseUrl('reservation'));
  const wallet = new Client(system.databaseUrl('wallet'));
  await Promise.all([reservation.connect(), wallet.connect()]);
  const paymentRows = await reservation.query<{ id: string; requested: string; answered: string }>(
    `SELECT id, ${epochMs('created_at')} requested, ${epochMs('updated_at')} answered FROM payments`,
  );
  const debitRows = await wallet.query<{ payment_id: string; debited: string }>(
    `SELECT payment_id, ${epochMs('created_at')} debited FROM ledger_entries
     WHERE payment_id IS NOT NULL`,
  );
  await Promise.all([reservation.end(), wallet.end()]);
  const debitedAt = new Map(debitRows.rows.map((row) => [row.payment_id, Number(row.debited)]));
  const toWallet: number[] = [];
  const back: number[] = [];
  for (const row of paymentRows.rows) {
    const debited = debitedAt.get(row.id);
    if (debited === undefined) throw new Error(`payment ${row.id} has no debit`);
    toWallet.push(debited - Number(row.requested));
    back.push(Number(row.answered) - debited);
  }
  console.log(describe('payment through the gateway', payMs));
  console.log(describe('saga hop: payment requested → wallet debit begins', toWallet));
  console.log(describe('saga hop: wallet debit begins → answer recorded', back));
}

async function main() {
  const system = await startSystem({
    RATE_LIMIT_PER_SECOND: '1000000',
    RATE_LIMIT_BURST: '1000000',
  });
  try {
    const admin = await new Fan(system.gatewayUrl, ADMIN.username, ADMIN.password).logIn();
    const fan = await new Fan(system.gatewayUrl, `rest_${Date.now()}`).signUpAndLogIn();
    await fan.charge(10_000);
    // Signed once: the 2,300 reads take a few seconds, well within the statement's 30 s.
    await reads(
      'balance, wallet directly',
      `${system.serviceUrl('wallet')}/api/v1/wallet`,
      asUser('wallet', { userId: fan.userId! }),
    );
    await reads('balance, through the gateway', `${system.gatewayUrl}/api/v1/wallet`, {
      authorization: `Bearer ${fan.accessToken!}`,
    });
    await reads('gateway /health/live', `${system.gatewayUrl}/health/live`, {});
    await payments(system, admin);
  } finally {
    await system.stop();
  }
}

void main();
