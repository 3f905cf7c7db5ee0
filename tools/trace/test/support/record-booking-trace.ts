// Records test/fixtures/booking-trace.json: boots a fresh system sending its spans to the local
// Jaeger, books one seat (sign up, charge, queue, hold, pay) with our own trace id on the payment,
// and saves that trace as Jaeger's API answers it (less the processes' host tags). Run again when the spans change:
//   npm run infra -- up && npx turbo run build && node deploy/bin/migrate.mjs --suffix _template
//   npx tsx tools/trace/test/support/record-booking-trace.ts
import '../../../../deploy/test/load-infra-env';
import { randomBytes, randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ADMIN, startSystem } from '@headliner/system';

const { JAEGER_URL, JAEGER_OTLP_ENDPOINT } = process.env;
const fixture = path.join(__dirname, '../fixtures/booking-trace.json');

async function call<T = Record<string, string>>(
  base: string,
  method: string,
  url: string,
  options: {
    token?: string;
    body?: unknown;
    headers?: Record<string, string>;
  } = {},
): Promise<T> {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(options.token && { authorization: `Bearer ${options.token}` }),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

async function main() {
  if (!JAEGER_URL || !JAEGER_OTLP_ENDPOINT)
    throw new Error('start Jaeger first (npm run infra -- up)');
  const system = await startSystem({ OTEL_EXPORTER_OTLP_ENDPOINT: JAEGER_OTLP_ENDPOINT });
  const traceId = randomBytes(16).toString('hex');
  try {
    const gateway = system.gatewayUrl;
    const admin = await call(gateway, 'POST', '/api/v1/auth/login', { body: ADMIN });
    const concert = await call(gateway, 'POST', '/api/v1/admin/concerts', {
      token: admin.accessToken,
      body: { title: 'Trace Live', artist: 'The Testers', venue: 'Loopback Hall' },
    });
    const schedule = await call(
      gateway,
      'POST',
      `/api/v1/admin/concerts/${concert.concertId}/schedules`,
      {
        token: admin.accessToken,
        body: {
          startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          seatCount: 10,
          price: 120_000,
        },
      },
    );
    const fan = {
      username: `trace_fan_${randomUUID().slice(0, 6)}`,
      password: 'correct-horse-battery',
    };
    await call(gateway, 'POST', '/api/v1/auth/signup', { body: fan });
    const { accessToken: token } = await call(gateway, 'POST', '/api/v1/auth/login', { body: fan });
    await call(gateway, 'POST', '/api/v1/wallet/charges', {
      token,
      body: { amount: 200_000 },
      headers: { 'idempotency-key': randomUUID() },
    });
    const { queueToken } = await call<{ queueToken: string }>(
      gateway,
      'POST',
      '/api/v1/queue/tokens',
      { token, body: { scheduleId: schedule.scheduleId } },
    );
    const queued = { 'x-queue-token': queueToken };
    while (
      (await call(gateway, 'GET', '/api/v1/queue/tokens/current', { token, headers: queued }))
        .status !== 'ACTIVE'
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const seats = await call<{ seats: { seatId: string }[] }>(
      gateway,
      'GET',
      `/api/v1/schedules/${schedule.scheduleId}/seats`,
    );
    const hold = await call(gateway, 'POST', '/api/v1/reservations', {
      token,
      headers: queued,
      body: { scheduleId: schedule.scheduleId, seatId: seats.seats[0]?.seatId },
    });
    const payment = await call(gateway, 'POST', '/api/v1/payments', {
      token,
      body: { reservationId: hold.reservationId },
      headers: {
        ...queued,
        'idempotency-key': randomUUID(),
        traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
      },
    });
    console.log(`paid: ${payment.status}; trace ${traceId}`);
  } finally {
    await system.stop(); // each service flushes its spans as it stops
  }
  const answer = (await (await fetch(`${JAEGER_URL}/api/traces/${traceId}`)).json()) as {
    data?: { spans: unknown[]; processes: Record<string, { tags?: unknown }> }[];
  };
  // Only the service names of the processes: their host tags say nothing the waterfall shows.
  for (const trace of answer.data ?? []) {
    for (const process of Object.values(trace.processes)) delete process.tags;
  }
  await writeFile(fixture, `${JSON.stringify(answer, null, 2)}\n`);
  console.log(`wrote ${fixture}: ${answer.data?.[0]?.spans?.length ?? 0} spans`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
