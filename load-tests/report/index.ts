import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runCharts } from './charts/run-charts';
import { reportMarkdown } from './report-markdown';
import { gatherRunContext, type RunContextGiven } from './run-context';
import { readRunFolder } from './run-folder';

export type ReportOptions = RunContextGiven;

/**
 * Writes report.md and its SVG charts into the run folder (load-tests/results/<timestamp>/) from
 * the scenarios' k6 summaries found there; returns the path of report.md.
 */
export async function writeReport(runDir: string, options: ReportOptions = {}): Promise<string> {
  const run = await readRunFolder(runDir);
  const charts = runCharts(run);
  const context = await gatherRunContext(runDir, options);
  await Promise.all(charts.map((chart) => writeFile(path.join(runDir, chart.file), chart.svg)));
  const reportPath = path.join(runDir, 'report.md');
  await writeFile(reportPath, reportMarkdown(run, context, charts));
  return reportPath;
}
