import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { JaegerTrace } from './jaeger-api';
import { fetchTrace } from './jaeger-client';
import { findSlowestTrace } from './slowest-trace';
import { waterfallSvg } from './svg-waterfall';
import { sendToZipkin } from './zipkin';
import { waterfallMarkdown, waterfallText } from './text-waterfall';
import { toWaterfall } from './waterfall';

// `npm run trace -- <trace id>` or `npm run trace -- --service gateway --min-duration 500ms`.

const usage = `usage: npm run trace -- <trace id> [options]
       npm run trace -- --service <name> [--operation <span name>] [--min-duration 500ms]
                        [--since 15m] [--limit 20] [options]   (the slowest trace found)
options:
  --svg <file>     also write the waterfall as SVG
  --json <file>    also write the trace as Jaeger answered it
  --markdown       print the text in a fenced Markdown block
  --width <chars>  characters of the time line (default 40)
  --zipkin         also send the trace to Zipkin (ZIPKIN_URL, default http://127.0.0.1:9411;
                   npm run zipkin -- up starts one) and print its page in Zipkin's UI
Reads JAEGER_URL (from .local/infra.env while the local Jaeger runs).`;

async function chosenTrace(
  jaegerUrl: string,
  traceId: string | undefined,
  values: Record<string, string | boolean | undefined>,
): Promise<JaegerTrace> {
  if (traceId) return fetchTrace(jaegerUrl, traceId);
  const service = values.service as string;
  const since = /^(\d+)(s|m|h)$/.exec((values.since as string | undefined) ?? '');
  if (values.since !== undefined && !since) throw new Error('--since takes e.g. 90s, 15m or 2h');
  const unitMs = { s: 1000, m: 60_000, h: 3_600_000 };
  const search = {
    service,
    ...(since && {
      start: new Date(Date.now() - Number(since[1]) * unitMs[since[2] as keyof typeof unitMs]),
    }),
    operation: values.operation as string | undefined,
    minDuration: values['min-duration'] as string | undefined,
    limit: Number(values.limit ?? 20),
  };
  const trace = await findSlowestTrace(jaegerUrl, search);
  if (!trace) throw new Error(`Jaeger found no trace of ${service} for that search`);
  return trace;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      service: { type: 'string' },
      operation: { type: 'string' },
      'min-duration': { type: 'string' },
      since: { type: 'string' },
      limit: { type: 'string' },
      svg: { type: 'string' },
      json: { type: 'string' },
      markdown: { type: 'boolean', default: false },
      width: { type: 'string' },
      zipkin: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  const [traceId] = positionals;
  if (values.help || (!traceId && !values.service) || positionals.length > 1) {
    console.error(usage);
    return values.help ? 0 : 2;
  }
  const jaegerUrl = process.env.JAEGER_URL;
  if (!jaegerUrl) {
    console.error('JAEGER_URL is not set: start Jaeger (npm run infra -- up) or point it at one');
    return 2;
  }
  const trace = await chosenTrace(jaegerUrl, traceId, values);
  const waterfall = toWaterfall(trace);
  const options = { barWidth: values.width ? Number(values.width) : undefined };
  process.stdout.write(
    values.markdown ? waterfallMarkdown(waterfall, options) : waterfallText(waterfall, options),
  );
  if (values.svg) await writeFile(values.svg, waterfallSvg(waterfall));
  if (values.json) await writeFile(values.json, `${JSON.stringify({ data: [trace] }, null, 2)}\n`);
  if (values.zipkin) {
    const zipkinUrl = process.env.ZIPKIN_URL ?? 'http://127.0.0.1:9411';
    console.log(`in Zipkin: ${await sendToZipkin(zipkinUrl, trace)}`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
