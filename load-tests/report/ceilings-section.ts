import type { CeilingFigures } from '../src/ceilings/ceiling-figures';
import { markdownTable } from './markdown-table';
import { CEILING_SHARE_BUDGET } from './performance-budget';
import type { ScenarioRun } from './run-folder';
import { formatMs, formatValue } from './units';

// The ceilings scenario's own part of its section (<scenario>.ceilings.json): each hot path's
// real requests a second as a share of the same k6 shape against a bare Node server answering the
// same bytes, and against a bare chain (two bare Node hops and the path's one datastore round
// trip), with the p95 and CPU per request of each side, and the load the shared machine was under
// meanwhile. Figures from before the chain show a dash in its columns.

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
      'of its chain',
      'real',
      'bare Node',
      'bare chain',
      'real p95',
      'bare p95',
      'chain p95',
      'real CPU / request',
      'bare CPU / request',
      'chain CPU / request',
    ],
    figures.paths.map(({ label, real, bare, chain, ratio, chainRatio }) => [
      label,
      share(ratio),
      share(chainRatio),
      perSecond(real.perSecond),
      perSecond(bare.perSecond),
      chain ? perSecond(chain.perSecond) : dash,
      ms(real.p95Ms),
      ms(bare.p95Ms),
      ms(chain?.p95Ms),
      cpu(real.cpuMsPerRequest),
      cpu(bare.cpuMsPerRequest),
      cpu(chain?.cpuMsPerRequest),
    ]),
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
  );
}

/**
 * For each path below the budget's share with a chain beside it: how far the chain itself got
 * (the structure's own bound) and how much CPU the system spends per request beyond the chain's.
 */
function bounds(figures: CeilingFigures): string[] {
  return figures.paths.flatMap(({ label, real, bare, chain, ratio }) => {
    if (ratio === undefined || ratio >= CEILING_SHARE_BUDGET || !chain || bare.perSecond === 0)
      return [];
    const structure = chain.perSecond / bare.perSecond;
    const beyond =
      real.cpuMsPerRequest !== undefined && chain.cpuMsPerRequest !== undefined
        ? `; the system's own work is ${cpu(real.cpuMsPerRequest - chain.cpuMsPerRequest)} of ` +
          `CPU a request beyond the chain's ${cpu(chain.cpuMsPerRequest)}`
        : '';
    return [
      `- ${label}: ${share(ratio)} of its ceiling, under ${share(CEILING_SHARE_BUDGET)}. ` +
        `The bare chain of the same hops, with none of the system's code, reached ${share(structure)}` +
        `${structure < CEILING_SHARE_BUDGET ? ', itself under it' : ''}${beyond}.`,
    ];
  });
}

export function ceilingsSection(scenario: ScenarioRun): string[] {
  const figures = scenario.ceilings;
  if (!figures) return [];
  const { vus, secondsPerRun, rounds, loadAverage } = figures;
  return [
    '### Each hot path against its ceiling',
    `${formatValue(vus, 'VUs')} without pause, ${secondsPerRun} s a side, ${rounds} ` +
      `round${rounds === 1 ? '' : 's'} turning the order of the sides round; the bare server ` +
      'answers the bytes the system answered at the start of the run, and so does the bare ' +
      'chain, behind a bare forwarding process and the one PostgreSQL or Redis round trip the ' +
      'path’s service makes (none for the seat map). Load average (1 min) ' +
      `${loadAverage.before.toFixed(2)} before, ${loadAverage.after.toFixed(2)} after. CPU per ` +
      'request: user + system time of the five services (real), of the bare server’s process ' +
      '(bare) or of the chain’s two processes (chain) in that side’s windows, over its requests; ' +
      'k6, PostgreSQL, Redis and Kafka left out.',
    table(figures),
    ...withHeading(
      'What bounds the paths under their budget (where the CPU goes: `load-tests/PROFILING.md`, ' +
        'flame graphs in `load-tests/reports/2026-12-07-profiles/`):',
      bounds(figures),
    ),
  ];
}

const withHeading = (heading: string, lines: string[]) =>
  lines.length === 0 ? [] : [heading, lines.join('\n')];
