import { readRunFolder, type RunFolder, type ScenarioRun } from '../run-folder';
import { scenarioSection } from '../scenario-section';
import { trendsOf } from '../summary-figures';
import { fixtureRunDir } from './fixture-run';
import type { K6Summary, SummaryMetric } from '../k6-summary';
import { runWith, summaryWith, trend } from './run-builder';

let run: RunFolder;
beforeAll(async () => {
  run = await readRunFolder(fixtureRunDir);
});

const sectionOf = (name: string, summary: K6Summary): string =>
  scenarioSection(runWith({ [name]: { summary } }).scenarios[0] as ScenarioRun);

const scenario = (name: string): ScenarioRun => {
  const found = run.scenarios.find((s) => s.name === name);
  if (!found) throw new Error(`fixture has no ${name}`);
  return found;
};

describe('when a scenario section is written', () => {
  it('lists every Trend the summary has with its percentiles', () => {
    const journey = scenario('journey');
    const section = scenarioSection(journey);

    for (const { name } of trendsOf(journey.summary)) expect(section).toContain(`| \`${name}\` |`);
    expect(section).toContain(
      '| `concert_response_time` | 15.8 ms | 13.5 ms | 26.6 ms | 37.1 ms | 62.0 ms | 104 ms |',
    );
  });

  it('gives requests, throughput, failures and checks, and links the dashboard', () => {
    const section = scenarioSection(scenario('journey'));

    expect(section).toContain('| 4,808 | 1,503 req/s | 6.28 % (302) | 4,506 | 302 |');
    expect(section).toContain('- book answered 200: 299 passed, 302 failed');
    expect(section).toContain('[HTML dashboard](journey.html)');
  });

  it('shows each threshold with its result', () => {
    const section = scenarioSection(scenario('token-spike-3000'));

    expect(section).toContain('Thresholds: **1 of 2 failed**.');
    expect(section).toContain('| `token_response_time` | `p(95)<100` | **failed** |');
  });
});

describe('when the machine’s CPU was sampled while k6 ran', () => {
  it('says how busy the cores were', () => {
    const section = scenarioSection({
      ...scenario('journey'),
      machineBusy: [0.4, 0.96, 0.98],
    });

    expect(section).toContain(
      "Machine CPU while k6 ran (every process on it, k6 too): the machine's cores were 96 % busy " +
        'in the median second and ≥ 95 % busy in 2 of 3 s.',
    );
  });

  it('says nothing of a run shorter than the first sample', () => {
    const section = scenarioSection({ ...scenario('journey'), machineBusy: [] });

    expect(section).not.toContain('Machine CPU');
  });
});

describe('when the invariants were checked', () => {
  it('says all held when there is no violation', () => {
    expect(scenarioSection(scenario('journey'))).toContain(
      'Invariants: all held. Counted: soldSeats 299',
    );
  });

  it('lists each violation', () => {
    const section = scenarioSection(scenario('peak-booking'));

    expect(section).toContain('Invariants: **1 violated.**');
    expect(section).toContain('- seat 7f1c… sold twice (reservations r1, r2)');
  });

  it('says not checked when the runner left no invariants file', () => {
    expect(scenarioSection(scenario('soak'))).toContain(
      'Invariants: not checked (no `soak.invariants.json`).',
    );
  });
});

describe('when the stress scenario ran', () => {
  it('says the knee was not recorded when no knee_* metric is in the summary', () => {
    expect(scenarioSection(scenario('stress'))).toContain('### Knee\n\nNot recorded');
  });

  it('shows the knee and the steps the scenario recorded, marking the knee', () => {
    const gauge = (value: number): SummaryMetric => ({
      type: 'gauge',
      contains: 'default',
      values: { value, min: value, max: value },
    });
    const summary = summaryWith({ knee_vus: gauge(200), knee_rps: gauge(812.4) });
    const steps = [
      { vus: 100, requests: 9000, requestsPerSecond: 360, p95Ms: 40, failedShare: 0 },
      { vus: 200, requests: 20310, requestsPerSecond: 812.4, p95Ms: 310, failedShare: 0.002 },
      { vus: 300, requests: 21000, requestsPerSecond: 840, p95Ms: 1450, failedShare: 0.03 },
    ];
    const stress = sectionOf('stress', { ...summary, stress: { kneeReached: true, steps } });

    expect(stress).toContain('| `knee_rps` | 812 req/s |');
    expect(stress).toContain('| `knee_vus` | 200 VUs |');
    expect(stress).toContain('| 200 (knee) | 20,310 | 812 req/s | 310 ms | 0.20 % |');
    expect(stress).toContain('| 300 | 21,000 | 840 req/s | 1.45 s | 3.00 % |');
  });
});

describe('when the soak scenario ran', () => {
  it('shows the drift from early to late in the run, and the drift ratio', () => {
    const section = scenarioSection(scenario('soak'));

    expect(section).toContain('| `response_time` | p(95) | 13.5 ms | 16.3 ms | +20.7 % |');
    expect(section).toContain('| `gateway_heap_mb` | value | 61.20 | 64.90 | +6.0 % |');
    expect(section).toContain('- `p95_drift_ratio`: 1.21');
  });

  it('names what the summary holds when it recorded no early and late figures', () => {
    const soak = sectionOf('soak', summaryWith({ seat_response_time: trend({ avg: 3 }) }));

    expect(soak).toContain('Not recorded: no early/late');
    expect(soak).toContain('The summary holds `seat_response_time`.');
  });
});

describe('when the runner sampled the services’ memory', () => {
  it('shows each service’s first, last and peak resident memory and its growth', () => {
    const section = scenarioSection(scenario('soak'));

    expect(section).toContain(
      '| gateway | 3 | 10 s | 100.0 MiB | 107.0 MiB | 110.0 MiB | +7.0 MiB |',
    );
    expect(section).toContain('| wallet | 2 | 10 s | 90.0 MiB | 89.0 MiB | 90.0 MiB | -1.0 MiB |');
    expect(section).toContain('[k6 output](soak.log)');
  });
});
