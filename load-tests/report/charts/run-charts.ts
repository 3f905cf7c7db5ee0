import { requestDurationWithoutQueueWait } from '../queue-wait';
import type { K6Summary } from '../k6-summary';
import type { RunFolder } from '../run-folder';
import { statOf, trendsOf } from '../summary-figures';
import { formatMs, formatValue } from '../units';
import { barChartSvg } from './bar-chart';

// The run's charts: latency percentiles and throughput per scenario, and the journey's steps.

export interface ChartFile {
  file: string;
  title: string;
  svg: string;
}

const percentiles = [
  ['avg', 'avg', '#4e79a7'],
  ['p90', 'p(90)', '#76b7b2'],
  ['p95', 'p(95)', '#f28e2b'],
  ['p99', 'p(99)', '#e15759'],
] as const;

/** Without the waiting-room polls wherever the scenario tagged them (queue_wait:false). */
function requestLatency(summary: K6Summary, stat: string): number | undefined {
  const metric = requestDurationWithoutQueueWait.find(
    (name) => summary.metrics[name] !== undefined,
  );
  return metric === undefined ? undefined : statOf(summary, metric, stat);
}

function latencyChart(run: RunFolder): ChartFile {
  const title = 'Request latency per scenario (http_req_duration, queue polls left out)';
  return {
    file: 'latency.svg',
    title,
    svg: barChartSvg({
      title,
      axisTitle: 'milliseconds',
      categories: run.scenarios.map((s) => s.name),
      // A percentile no summary has (p99 unless k6 was asked for it) is left out, not drawn empty.
      series: percentiles
        .map(([name, stat, colour]) => ({
          name,
          colour,
          values: run.scenarios.map((s) => requestLatency(s.summary, stat)),
        }))
        .filter((series) => series.values.some((value) => value !== undefined)),
      formatValue: formatMs,
    }),
  };
}

function throughputChart(run: RunFolder): ChartFile {
  const title = 'Throughput per scenario (http_reqs per second)';
  return {
    file: 'throughput.svg',
    title,
    svg: barChartSvg({
      title,
      axisTitle: 'requests per second',
      categories: run.scenarios.map((s) => s.name),
      series: [
        {
          name: 'req/s',
          colour: '#59a14f',
          values: run.scenarios.map((s) => statOf(s.summary, 'http_reqs', 'rate')),
        },
      ],
      formatValue: (value) => formatValue(value, 'req/s'),
    }),
  };
}

// The order a fan meets the steps in; steps not listed follow.
const journeyOrder = [
  'login',
  'signin',
  'concert',
  'schedule',
  'seat',
  'token',
  'hold',
  'book',
  'pay',
];

const stepRank = (step: string): number => {
  const index = journeyOrder.indexOf(step);
  return index === -1 ? journeyOrder.length : index;
};

/** One bar per step Trend (`<step>_response_time`) the journey recorded. */
function journeyStepsChart(run: RunFolder): ChartFile[] {
  const journey = run.scenarios.find((s) => s.name === 'journey');
  const steps = (journey ? trendsOf(journey.summary) : [])
    .filter(({ name }) => name.endsWith('_response_time'))
    .map(({ name, metric }) => ({ step: name.replace(/_response_time$/, ''), metric }))
    .sort((a, b) => stepRank(a.step) - stepRank(b.step));
  if (steps.length === 0) return [];
  const title = 'Journey: p95 per step';
  return [
    {
      file: 'journey-steps.svg',
      title,
      svg: barChartSvg({
        title,
        axisTitle: 'milliseconds',
        categories: steps.map(({ step }) => step),
        series: [
          { name: 'p95', colour: '#f28e2b', values: steps.map((s) => s.metric.values['p(95)']) },
        ],
        formatValue: formatMs,
      }),
    },
  ];
}

export function runCharts(run: RunFolder): ChartFile[] {
  if (run.scenarios.length === 0) return [];
  return [latencyChart(run), throughputChart(run), ...journeyStepsChart(run)];
}
