import { lineChartSvg, type LinePanel } from '../../report/charts/line-chart';
import { formatValue } from '../../report/units';
import { queryRange, type RangeWindow } from './prometheus-range';
import { salePanels } from './sale-panels';

// The sale graph: one system's traffic, latency, waiting room, holds and payments over a window,
// from Prometheus, as stacked line charts in one SVG.

export interface SaleGraphRequest {
  prometheusUrl: string;
  /** The system label Prometheus scraped the system's services with. */
  system: string;
  window: RangeWindow;
  title: string;
  subtitle?: string;
}

export async function saleGraphSvg(request: SaleGraphRequest): Promise<string> {
  const { window } = request;
  const startSeconds = window.start.getTime() / 1000;
  const panels: LinePanel[] = [];
  for (const panel of salePanels(request.system)) {
    const series = [];
    for (const { promql, legend } of panel.queries) {
      for (const found of await queryRange(request.prometheusUrl, promql, window)) {
        if (found.points.length === 0) continue;
        series.push({
          name: typeof legend === 'string' ? legend : legend(found.labels),
          points: found.points.map(([t, v]): [number, number] => [t - startSeconds, v]),
        });
      }
    }
    panels.push({
      title: panel.title,
      formatValue: (value) => (value === 0 ? '0' : formatValue(value, panel.unit)),
      series,
    });
  }
  return lineChartSvg({
    title: request.title,
    subtitle: request.subtitle,
    durationSeconds: (window.end.getTime() - window.start.getTime()) / 1000,
    joinWithinSeconds: window.stepSeconds * 2.5,
    panels,
  });
}
