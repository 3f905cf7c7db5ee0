// `npm run sale-graph -w @headliner/load-tests -- --system <label> --from <time> --to <time>
// --out <file.svg>`: the sale graph of any system Prometheus scraped (`local` for npm start's,
// bench-<run>-<scenario> for a bench's with BENCH_METRICS=on) over a window; --minutes N instead
// of --from/--to takes the last N minutes.
import '../../../deploy/test/load-infra-env';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { saleGraphSvg } from './sale-graph';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      system: { type: 'string', default: 'local' },
      from: { type: 'string' },
      to: { type: 'string' },
      minutes: { type: 'string' },
      title: { type: 'string' },
      out: { type: 'string', default: 'sale.svg' },
    },
  });
  const prometheusUrl = process.env.PROMETHEUS_URL;
  const end = values.to ? new Date(values.to) : new Date();
  const start = values.from
    ? new Date(values.from)
    : new Date(end.getTime() - Number(values.minutes ?? 10) * 60_000);
  if (
    !prometheusUrl ||
    Number.isNaN(start.getTime()) ||
    Number.isNaN(end.getTime()) ||
    start >= end
  ) {
    console.error(
      'usage: npm run sale-graph -w @headliner/load-tests -- [--system local] ' +
        '(--from <ISO time> --to <ISO time> | --minutes 10) [--title …] [--out sale.svg]\n' +
        'needs PROMETHEUS_URL (.local/infra.env while the local Prometheus runs)',
    );
    return 2;
  }
  const svg = await saleGraphSvg({
    prometheusUrl,
    system: values.system,
    window: { start, end, stepSeconds: 5 },
    title: values.title ?? `${values.system}: the sale as Prometheus saw it`,
    subtitle: `system ${values.system}, ${start.toISOString()} to ${end.toISOString()}, 5 s steps, rates over 20 s`,
  });
  await writeFile(values.out, svg);
  console.log(`wrote ${values.out}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
