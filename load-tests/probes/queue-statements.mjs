// Signed caller statements for k6-queue-direct.js: k6 then calls the queue service itself, as the
// gateway would, and the queue's own CPU per request can be read without the gateway's hop.
// Statements live at most 60 s, so sign them right before the run.
// Usage: INTERNAL_AUTH_SECRET=… node load-tests/probes/queue-statements.mjs FANS > statements.json
import { randomUUID } from 'node:crypto';
import { signCallerStatement } from '@headliner/contracts';

const fans = Number(process.argv[2] ?? 20_000);
const secret = process.env.INTERNAL_AUTH_SECRET;
if (!secret) throw new Error('INTERNAL_AUTH_SECRET is needed to sign the statements');
const sign = (claims) => signCallerStatement(claims, secret, { ttlSeconds: 60 });

const users = Array.from({ length: fans }, () => {
  const id = randomUUID();
  return { id, statement: sign({ sub: id, role: 'user', aud: 'queue' }) };
});
const gateway = sign({ sub: 'gateway', role: 'service', aud: 'queue' });
process.stdout.write(JSON.stringify({ scheduleId: randomUUID(), gateway, users }));
