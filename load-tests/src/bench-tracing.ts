import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { findSlowestTrace, toWaterfall, waterfallSvg, waterfallText } from '@headliner/trace';

// BENCH_TRACING=on: the bench's systems send their spans to the local Jaeger, and the report
// shows each scenario's slowest traced booking as a waterfall. Off by default: tracing every
// request costs CPU the bench measures (README, Decisions: tracing).

/** The gateway's span of a payment: its trace follows the saga through Kafka to the wallet. */
export const bookingSearch = { service: 'gateway', operation: 'POST /api/v1/payments', limit: 50 };

export interface BenchTracing {
  jaegerUrl: string;
  /** What the bench's systems need to send their spans. */
  systemEnv: Record<string, string>;
}

export function benchTracing(env = process.env): BenchTracing | undefined {
  if (env.BENCH_TRACING !== 'on') return undefined;
  const { JAEGER_URL, JAEGER_OTLP_ENDPOINT } = env;
  if (!JAEGER_URL || !JAEGER_OTLP_ENDPOINT) {
    throw new Error(
      'BENCH_TRACING=on needs a running Jaeger (JAEGER_URL and JAEGER_OTLP_ENDPOINT, which ' +
        "`npm run infra -- up` writes to .local/infra.env unless HEADLINER_OBSERVABILITY isn't on)",
    );
  }
  return {
    jaegerUrl: JAEGER_URL,
    systemEnv: { OTEL_EXPORTER_OTLP_ENDPOINT: JAEGER_OTLP_ENDPOINT },
  };
}

export const slowestBookingFiles = (scenario: string) => ({
  svg: `${scenario}.slowest-booking.svg`,
  text: `${scenario}.slowest-booking.txt`,
});

/**
 * Finds the slowest booking traced between `start` and `end` (a scenario's run, its system
 * stopped so every span is flushed) and writes its waterfall beside the scenario's summary;
 * returns the trace id, or undefined when the scenario booked nothing.
 */
export async function writeSlowestBooking(
  tracing: BenchTracing,
  runDir: string,
  scenario: string,
  window: { start: Date; end: Date },
): Promise<string | undefined> {
  const trace = await findSlowestTrace(tracing.jaegerUrl, { ...bookingSearch, ...window });
  if (!trace) return undefined;
  const waterfall = toWaterfall(trace);
  const files = slowestBookingFiles(scenario);
  await writeFile(path.join(runDir, files.svg), waterfallSvg(waterfall));
  await writeFile(path.join(runDir, files.text), waterfallText(waterfall));
  return trace.traceID;
}
