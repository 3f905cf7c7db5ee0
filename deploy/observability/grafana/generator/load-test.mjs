// The load-test dashboard: what k6 measured (its Prometheus remote-write output, series k6_*,
// one run picked by its testid tag) beside what the system under test measured (its services'
// own series, by the system tag the bench gives both).
import { dashboard, queryVariable, timeseries } from './panels.mjs';
import { rate, selector, shareOf } from './promql.mjs';

const ofRun = selector(['testid', '=~', '$testid']);
const ofRunWith = (...more) => selector(['testid', '=~', '$testid'], ...more);
const ofSystem = (...more) => selector(['system', '=', '$system'], ...more);

const k6 = {
  title: 'k6: what the fans saw',
  panels: [
    timeseries({
      title: 'Virtual users',
      description: 'Running VUs and the most the test allows.',
      unit: 'none',
      targets: [
        [`sum(k6_vus${ofRun})`, 'VUs'],
        [`sum(k6_vus_max${ofRun})`, 'max VUs'],
      ],
    }),
    timeseries({
      title: 'Requests per second by step',
      description: 'Requests k6 sent per second, by the step of the journey that sent them.',
      unit: 'reqps',
      stack: true,
      targets: [[`sum by (step) (${rate('k6_http_reqs_total', ofRun)})`, '{{step}}']],
    }),
    timeseries({
      title: 'Failed requests by step',
      description:
        'Share of requests with an answer the script did not expect (expected_response="false").',
      unit: 'percentunit',
      targets: [
        [
          shareOf(
            rate('k6_http_reqs_total', ofRunWith(['expected_response', '=', 'false'])),
            rate('k6_http_reqs_total', ofRun),
            'step',
          ),
          '{{step}}',
        ],
      ],
    }),
    timeseries({
      title: 'Request duration p95 by step',
      description:
        'k6’s p95 of http_req_duration over each push interval, worst series of the step (trend stats from K6_PROMETHEUS_RW_TREND_STATS).',
      unit: 's',
      targets: [[`max by (step) (k6_http_req_duration_p95${ofRun})`, '{{step}}']],
    }),
    timeseries({
      title: 'Request duration p99 by step',
      description: 'As p95, at p99.',
      unit: 's',
      targets: [[`max by (step) (k6_http_req_duration_p99${ofRun})`, '{{step}}']],
    }),
    timeseries({
      title: 'Time to first byte p95 by step',
      description: 'http_req_waiting: the server’s share of the request duration.',
      unit: 's',
      targets: [[`max by (step) (k6_http_req_waiting_p95${ofRun})`, '{{step}}']],
    }),
    timeseries({
      title: 'Iterations per second',
      description: 'Completed script iterations (one fan’s pass through the scenario).',
      unit: 'ops',
      targets: [[`sum(${rate('k6_iterations_total', ofRun)})`, 'iterations']],
    }),
    timeseries({
      title: 'Checks passed',
      description: 'Share of the script’s checks that passed, by check.',
      unit: 'percentunit',
      max: 1,
      targets: [[`min by (check) (k6_checks_rate${ofRun})`, '{{check}}']],
    }),
    timeseries({
      title: 'Data sent and received',
      description: 'Bytes per second on the wire, both ways.',
      unit: 'Bps',
      targets: [
        [`sum(${rate('k6_data_sent_total', ofRun)})`, 'sent'],
        [`sum(${rate('k6_data_received_total', ofRun)})`, 'received'],
      ],
    }),
  ],
};

const gatewayRequests = (...more) =>
  rate('http_request_duration_seconds_count', ofSystem(['service', '=', 'gateway'], ...more));
const serverSide = {
  title: 'The system under test',
  panels: [
    timeseries({
      title: 'Gateway requests per second',
      description: 'What the gateway answered, by status: to set beside what k6 sent.',
      unit: 'reqps',
      targets: [[`sum by (status_code) (${gatewayRequests()})`, '{{status_code}}']],
    }),
    timeseries({
      title: 'Gateway latency p95 / p99',
      description: 'The gateway’s own measure: the difference to k6’s is the client and network.',
      unit: 's',
      targets: [0.95, 0.99].map((q) => [
        `histogram_quantile(${q}, sum by (le) (${rate(
          'http_request_duration_seconds_bucket',
          ofSystem(['service', '=', 'gateway']),
        )}))`,
        `p${q * 100}`,
      ]),
    }),
    timeseries({
      title: 'CPU by service',
      description: 'CPU seconds per second of each service process (1 = one core).',
      unit: 'percentunit',
      targets: [
        [
          `sum by (service) (${rate('process_cpu_seconds_total', ofSystem(['service', '=~', '$service']))})`,
          '{{service}}',
        ],
      ],
    }),
  ],
};

export const loadTest = dashboard({
  uid: 'headliner-load-test',
  title: 'Headliner load test (k6)',
  description:
    'One k6 run (npm run bench with PROMETHEUS_URL set) as k6 measured it, beside the system it ran against.',
  tags: ['headliner', 'k6'],
  variables: [
    queryVariable({ name: 'testid', label: 'Run', query: 'label_values(k6_vus, testid)' }),
    queryVariable({
      name: 'system',
      label: 'System',
      query: 'label_values(k6_vus{testid=~"$testid"}, system)',
    }),
    queryVariable({
      name: 'service',
      label: 'Service',
      query: 'label_values(up{system="$system"}, service)',
      multi: true,
      includeAll: true,
    }),
  ],
  rows: [k6, serverSide],
});
