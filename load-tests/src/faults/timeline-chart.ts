import { writeFile } from 'node:fs/promises';
import { lineChartSvg, type LineMarker } from '../../report/charts/line-chart';
import type { Detection } from './detection';
import type { Fault } from './fault-catalogue';
import type { MitigationRecord } from './mitigate-on-alert';
import type { FaultImpact, FaultWindow } from './recovery';
import type { Second } from './request-timeline';

export interface TimelineChart {
  fault: Fault;
  /** When the load started: the chart's zero. */
  startedAt: number;
  window: FaultWindow;
  detection: Detection;
  impact: FaultImpact;
  mitigation?: MitigationRecord;
  timeline: Second[];
}

/** The drill as fans saw it, second by second, with the fault, the alert and the recovery marked. */
export async function writeTimelineChart(file: string, chart: TimelineChart): Promise<void> {
  const { fault, startedAt, window, detection, impact, mitigation, timeline } = chart;
  const at = (ms: number) => (ms - startedAt) / 1000;
  const series = (name: string, value: (second: Second) => number) => ({
    name,
    points: timeline.map((second): [number, number] => [at(second.at), value(second)]),
  });
  const markers: LineMarker[] = [
    { atSeconds: at(window.injectedAt), label: 'fault injected', colour: '#d62728' },
    { atSeconds: at(window.removedAt), label: 'fault removed', colour: '#2ca02c' },
  ];
  if (detection.first) {
    markers.push({
      atSeconds: at(window.injectedAt) + detection.first.seconds,
      label: `${detection.first.alertname} at the receiver`,
      colour: '#ff7f0e',
    });
  }
  if (mitigation?.appliedAt !== undefined) {
    markers.push({ atSeconds: at(mitigation.appliedAt), label: 'mitigated', colour: '#9467bd' });
  }
  if (impact.recoverySeconds !== undefined) {
    markers.push({
      atSeconds: at(window.removedAt) + impact.recoverySeconds,
      label: 'recovered',
      colour: '#1f77b4',
    });
  }
  const svg = lineChartSvg({
    title: `Drill ${fault.name}`,
    subtitle: fault.description,
    durationSeconds: Math.max(1, ...timeline.map((second) => at(second.at) + 1)),
    joinWithinSeconds: 2.5,
    markers,
    panels: [
      {
        title: 'Requests per second',
        formatValue: (value) => value.toFixed(0),
        series: [
          series('answered', (s) => s.requests - s.failed),
          series('failed', (s) => s.failed),
        ],
      },
      {
        title: 'Error rate',
        formatValue: (value) => `${value.toFixed(0)} %`,
        series: [series('failed', (s) => (s.requests === 0 ? 0 : (100 * s.failed) / s.requests))],
      },
      {
        title: 'p95 of the requests ending in each second',
        formatValue: (value) => `${value.toFixed(0)} ms`,
        series: [series('p95', (s) => s.p95Ms)],
      },
      {
        title: 'Holds placed and payments accepted per second',
        formatValue: (value) => value.toFixed(0),
        series: [series('booked', (s) => s.booked)],
      },
    ],
  });
  await writeFile(file, svg);
}
