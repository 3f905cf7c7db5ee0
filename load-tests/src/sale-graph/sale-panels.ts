// What the sale graph shows of one system, as PromQL over the series Prometheus scraped from it
// (labelled system=<id>): the gateway's traffic and latency, the waiting room, seat holds and
// payments by outcome.

export interface PanelQuery {
  title: string;
  /** How the axis is labelled: milliseconds, or plain numbers (the title says per what). */
  unit: 'ms' | 'count';
  /** PromQL, with the series' legend name from `legend` (a label, or a fixed name). */
  queries: { promql: string; legend: string | ((labels: Record<string, string>) => string) }[];
}

const rateWindow = '20s';

export function salePanels(system: string): PanelQuery[] {
  const of = (metric: string, more = '') => `${metric}{system="${system}"${more}}`;
  const gateway = (metric: string, more = '') => of(metric, `,job="gateway"${more}`);
  const quantile = (q: number) =>
    `1000 * histogram_quantile(${q}, sum by (le) (rate(${gateway('http_request_duration_seconds_bucket')}[${rateWindow}])))`;
  return [
    {
      title: 'Gateway: requests per second',
      unit: 'count',
      queries: [
        {
          promql: `sum(rate(${gateway('http_request_duration_seconds_count')}[${rateWindow}]))`,
          legend: 'all',
        },
        {
          promql: `sum(rate(${gateway('http_request_duration_seconds_count', ',status_code=~"5.."')}[${rateWindow}]))`,
          legend: '5xx',
        },
      ],
    },
    {
      title: 'Gateway: latency',
      unit: 'ms',
      queries: [
        { promql: quantile(0.5), legend: 'p50' },
        { promql: quantile(0.95), legend: 'p95' },
      ],
    },
    {
      title: 'Waiting room: tokens',
      unit: 'count',
      queries: [
        { promql: `sum(${of('queue_waiting_tokens')})`, legend: 'waiting' },
        { promql: `sum(${of('queue_active_tokens')})`, legend: 'active' },
      ],
    },
    {
      title: 'Seat holds per second, by outcome',
      unit: 'count',
      queries: [
        {
          promql: `sum by (outcome) (rate(${of('reservation_holds_total')}[${rateWindow}]))`,
          legend: (labels) => labels.outcome ?? '?',
        },
      ],
    },
    {
      title: 'Payments per second, by outcome',
      unit: 'count',
      queries: [
        {
          promql: `sum by (outcome) (rate(${of('reservation_payments_total')}[${rateWindow}]))`,
          legend: (labels) => labels.outcome ?? '?',
        },
      ],
    },
  ];
}
