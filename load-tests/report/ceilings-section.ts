import type { CeilingFigures } from '../src/ceilings/ceiling-figures';
import { markdownTable } from './markdown-table';
import type { ScenarioRun } from './run-folder';
import { formatMs, formatValue } from './units';

// The ceilings scenario's own part of its section (<scenario>.ceilings.json): each hot path's
// real requests a second as a share of the same k6 shape against a bare Node server answering the
// same bytes, with the p95 of each side, and the load the shared machine was under meanwhile.

const dash = '—';
const perSecond = (value: number) => formatValue(value, 'req/s');
const ms = (value: number | undefined) => (value === undefined ? dash : formatMs(value));
const cpu = (value: number | undefined) => (value === undefined ? dash : `${value.toFixed(2)} ms`);
const share = (ratio: number | undefined) =>
  ratio === undefined ? dash : `${Math.round(ratio * 100)} %`;

function table(figures: CeilingFigures): string {
  return markdownTable(
    [
      'hot path',
      'of its ceiling',
      'real',
      'bare Node',
      'real p95',
      'bare p95',
      'real CPU / request',
      'bare CPU / request',
    ],
    figures.paths.map(({ label, real, bare, ratio }) => [
      label,
      share(ratio),
      perSecond(real.perSecond),
      perSecond(bare.perSecond),
      ms(real.p95Ms),
      ms(bare.p95Ms),
      cpu(real.cpuMsPerRequest),
      cpu(bare.cpuMsPerRequest),
    ]),
    [1, 2, 3, 4, 5, 6, 7],
  );
}

export function ceilingsSection(scenario: ScenarioRun): string[] {
  const figures = scenario.ceilings;
  if (!figures) return [];
  const { vus, secondsPerRun, rounds, loadAverage } = figures;
  return [
    '### Each hot path against its ceiling',
    `${formatValue(vus, 'VUs')} without pause, ${secondsPerRun} s a side, ${rounds} ` +
      `round${rounds === 1 ? '' : 's'} alternating which side goes first; the bare server answers ` +
      'the bytes the system answered at the start of the run. Load average (1 min) ' +
      `${loadAverage.before.toFixed(2)} before, ${loadAverage.after.toFixed(2)} after. CPU per ` +
      'request: user + system time of the five services (real) or of the bare server’s process ' +
      '(bare) in that side’s windows, over its requests; k6, PostgreSQL, Redis and Kafka left out.',
    table(figures),
  ];
}
