// `npx tsx load-tests/src/tracing-cost.ts [--bookings 60] [--pairs 2] [--concurrency 4]
// [--warmup 30]`: what tracing costs a booking, in the services' CPU (process_cpu_seconds_total,
// the five summed and each alone, less what they burn idle) and in the fan's time per booking,
// from paired runs on fresh systems with and without OTEL_EXPORTER_OTLP_ENDPOINT (the local
// Jaeger), alternating which goes first. Sampling is the services' default unless
// OTEL_TRACES_SAMPLER(_ARG) is set here. A few fans at a time, not a load test: CPU per booking
// is what it measures, which a busy machine disturbs less than it does latency.
import '../../deploy/test/load-infra-env';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { serviceNames, type Service, type System } from '@headliner/system';
import { bootSeeded, BENCH_PORT_BASE, PASSWORD } from './system-under-test';

type Mode = 'off' | 'on';

interface RunResult {
  mode: Mode;
  cpuMsPerBooking: Record<Service, number>;
  medianBookingMs: number;
}

const { values } = parseArgs({
  options: {
    bookings: { type: 'string', default: '60' },
    pairs: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '4' },
    warmup: { type: 'string', default: '30' },
  },
});
const bookings = Number(values.bookings);
const pairs = Number(values.pairs);
const concurrency = Number(values.concurrency);
const warmup = Number(values.warmup);

async function api<T>(
  system: System,
  method: string,
  path: string,
  { body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const response = await fetch(`${system.gatewayUrl}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function cpuSeconds(system: System): Promise<Record<Service, number>> {
  const entries = await Promise.all(
    serviceNames.map(async (service) => {
      const metrics = await (await fetch(`${system.managementUrl(service)}/metrics`)).text();
      const line = metrics.split('\n').find((l) => l.startsWith('process_cpu_seconds_total '));
      return [service, Number(line?.split(' ')[1])] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<Service, number>;
}

/** One fan's booking as the journey makes it: token, wait for a turn, hold, pay. */
async function book(system: System, accessToken: string, scheduleId: string, seatId: string) {
  const auth = { authorization: `Bearer ${accessToken}` };
  const { queueToken } = await api<{ queueToken: string }>(system, 'POST', '/api/v1/queue/tokens', {
    headers: auth,
    body: { scheduleId },
  });
  const headers = { ...auth, 'x-queue-token': queueToken };
  while (
    (await api<{ status: string }>(system, 'GET', '/api/v1/queue/tokens/current', { headers }))
      .status !== 'ACTIVE'
  ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const hold = await api<{ reservationId: string }>(system, 'POST', '/api/v1/reservations', {
    headers,
    body: { scheduleId, seatId },
  });
  const payment = await api<{ status: string }>(system, 'POST', '/api/v1/payments', {
    headers: { ...headers, 'idempotency-key': randomUUID() },
    body: { reservationId: hold.reservationId },
  });
  if (payment.status !== 'COMPLETED') throw new Error(`payment ${JSON.stringify(payment)}`);
}

/** Each fan books the seat at its index, `concurrency` at a time; the time each took, sorted. */
async function bookAll(
  system: System,
  tokens: string[],
  scheduleId: string,
  seats: { seatId: string }[],
): Promise<number[]> {
  const durations: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < tokens.length; i = next++) {
        const started = performance.now();
        await book(system, tokens[i]!, scheduleId, seats[i]!.seatId);
        durations.push(performance.now() - started);
      }
    }),
  );
  return durations.sort((a, b) => a - b);
}

async function measure(mode: Mode): Promise<RunResult> {
  const endpoint = process.env.JAEGER_OTLP_ENDPOINT;
  if (!endpoint)
    throw new Error('JAEGER_OTLP_ENDPOINT is not set: start Jaeger (npm run infra -- up)');
  // Every service inherits this process's environment: off must not find an endpoint there.
  delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  const env: Record<string, string> =
    mode === 'on' ? { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint } : {};
  const system = await bootSeeded(
    env,
    { portBase: BENCH_PORT_BASE },
    {
      users: warmup + bookings,
      seatsPerSchedule: warmup + bookings,
    },
  );
  try {
    const { items } = await api<{ items: { concertId: string }[] }>(
      system,
      'GET',
      '/api/v1/concerts',
    );
    const schedules = await api<{ scheduleId: string }[]>(
      system,
      'GET',
      `/api/v1/concerts/${items[0]!.concertId}/schedules`,
    );
    const schedule = schedules[0]!;
    const { seats } = await api<{ seats: { seatId: string }[] }>(
      system,
      'GET',
      `/api/v1/schedules/${schedule.scheduleId}/seats`,
    );
    const tokens: string[] = [];
    for (let i = 1; i <= warmup + bookings; i += 1) {
      const login = await api<{ accessToken: string }>(system, 'POST', '/api/v1/auth/login', {
        body: { username: `user${i}`, password: PASSWORD },
      });
      tokens.push(login.accessToken);
    }
    // Warm (the first bookings of a fresh process run code V8 has not optimised yet) and settled,
    // so neither the boot, the sign-ins nor the warm-up count; what the services burn idle
    // (relay polls, sweepers, scrapes) in the 6 s after is taken off the bookings' window.
    await bookAll(system, tokens.slice(0, warmup), schedule.scheduleId, seats);
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    const idleFrom = await cpuSeconds(system);
    let clock = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    const before = await cpuSeconds(system);
    const idleSeconds = (performance.now() - clock) / 1000;
    clock = performance.now();
    const durations = await bookAll(
      system,
      tokens.slice(warmup),
      schedule.scheduleId,
      seats.slice(warmup),
    );
    // The saga's last consumers and the last export batch (every 5 s) fall inside the window.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    const after = await cpuSeconds(system);
    const windowSeconds = (performance.now() - clock) / 1000;
    const cpuMsPerBooking = Object.fromEntries(
      serviceNames.map((service) => {
        const idleRate = (before[service] - idleFrom[service]) / idleSeconds;
        const used = after[service] - before[service] - idleRate * windowSeconds;
        return [service, (used * 1000) / bookings];
      }),
    ) as Record<Service, number>;
    return { mode, cpuMsPerBooking, medianBookingMs: durations[Math.floor(durations.length / 2)]! };
  } finally {
    await system.stop();
  }
}

const sum = (cpu: Record<Service, number>) => Object.values(cpu).reduce((a, b) => a + b, 0);

async function main() {
  const results: RunResult[] = [];
  for (let pair = 0; pair < pairs; pair += 1) {
    const order: Mode[] = pair % 2 === 0 ? ['off', 'on'] : ['on', 'off'];
    for (const mode of order) {
      const result = await measure(mode);
      results.push(result);
      const each = serviceNames.map((s) => `${s} ${result.cpuMsPerBooking[s].toFixed(1)}`);
      console.log(
        `tracing ${mode}: ${sum(result.cpuMsPerBooking).toFixed(1)} CPU ms per booking ` +
          `(${each.join(', ')}), median booking ${result.medianBookingMs.toFixed(0)} ms`,
      );
    }
  }
  const mean = (mode: Mode, pick: (r: RunResult) => number) => {
    const chosen = results.filter((r) => r.mode === mode).map(pick);
    return chosen.reduce((a, b) => a + b, 0) / chosen.length;
  };
  const cpu = (mode: Mode) => mean(mode, (r) => sum(r.cpuMsPerBooking));
  console.log(
    `mean of ${pairs} pairs, ${bookings} bookings each at ${concurrency} at a time: ` +
      `CPU per booking ${cpu('off').toFixed(1)} ms off, ${cpu('on').toFixed(1)} ms on ` +
      `(+${(100 * (cpu('on') / cpu('off') - 1)).toFixed(0)} %); median booking ` +
      `${mean('off', (r) => r.medianBookingMs).toFixed(0)} ms off, ` +
      `${mean('on', (r) => r.medianBookingMs).toFixed(0)} ms on`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
