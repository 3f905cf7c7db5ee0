import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CeilingFigures } from '../src/ceilings/ceiling-figures';
import type { OnSaleFigures } from '../src/on-sale/on-sale-figures';
import type { BusySeries, Settled } from '../src/machine-cpu';
import { parseInvariantReport, type InvariantReport } from './invariants';
import { parseK6Summary, type K6Summary } from './k6-summary';
import { parseMemorySeries, type MemorySeries } from './memory-growth';
import { knownScenarios } from './scenarios';

// One run folder, load-tests/results/<timestamp>/, as the runner leaves it: per scenario a
// <scenario>.summary.json, and maybe <scenario>.invariants.json, .memory.json, .html, .log and
// .slowest-booking.svg and .txt (BENCH_TRACING=on), .sale.svg (BENCH_METRICS=on), .on-sale.json,
// .ceilings.json, .settled.json and .machine-cpu.json.

export interface ScenarioRun {
  name: string;
  summary: K6Summary;
  invariants?: InvariantReport;
  memory?: MemorySeries;
  /** File names, relative to the run folder, of k6's HTML dashboard export and its output. */
  dashboard?: string;
  log?: string;
  /** With BENCH_TRACING=on: the slowest booking's waterfall, as an SVG file name and as text. */
  slowestBooking?: { svg: string; text: string };
  /** With BENCH_METRICS=on: the SVG file of its sale graph, drawn from Prometheus. */
  saleGraph?: string;
  /** An on-sale's fairness and token path (<scenario>.on-sale.json, written by the runner). */
  onSale?: OnSaleFigures;
  /** Each hot path against its bare-Node ceiling (<scenario>.ceilings.json, by the runner). */
  ceilings?: CeilingFigures;
  /** How long the full-size run waited for a quiet machine before it (<scenario>.settled.json). */
  settled?: Settled;
  /** The machine's busy share of each second while k6 ran (<scenario>.machine-cpu.json). */
  machineBusy?: BusySeries;
}

export interface RunFolder {
  dir: string;
  /** The folder's own name: the run's timestamp. */
  id: string;
  scenarios: ScenarioRun[];
}

const summarySuffix = '.summary.json';

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${file} is not JSON: ${(error as Error).message}`, { cause: error });
  }
}

function scenarioOrder(name: string): number {
  const index = knownScenarios.findIndex((scenario) => scenario.name === name);
  return index === -1 ? knownScenarios.length : index;
}

export async function readRunFolder(dir: string): Promise<RunFolder> {
  const files = new Set(await readdir(dir));
  const names = [...files]
    .filter((file) => file.endsWith(summarySuffix))
    .map((file) => file.slice(0, -summarySuffix.length))
    .sort((a, b) => scenarioOrder(a) - scenarioOrder(b) || a.localeCompare(b));

  const scenarios = await Promise.all(
    names.map(async (name): Promise<ScenarioRun> => {
      const beside = (suffix: string) =>
        files.has(`${name}${suffix}`) ? `${name}${suffix}` : undefined;
      const readBeside = async (file: string) => readJson(path.join(dir, file));
      const summaryFile = path.join(dir, `${name}${summarySuffix}`);
      const invariantsFile = beside('.invariants.json');
      const memoryFile = beside('.memory.json');
      const dashboard = beside('.html');
      const log = beside('.log');
      const bookingSvg = beside('.slowest-booking.svg');
      const bookingText = beside('.slowest-booking.txt');
      const saleGraph = beside('.sale.svg');
      const onSaleFile = beside('.on-sale.json');
      const ceilingsFile = beside('.ceilings.json');
      const settledFile = beside('.settled.json');
      const machineFile = beside('.machine-cpu.json');
      return {
        name,
        summary: parseK6Summary(await readJson(summaryFile), summaryFile),
        ...(invariantsFile && {
          invariants: parseInvariantReport(await readBeside(invariantsFile), invariantsFile),
        }),
        ...(memoryFile && { memory: parseMemorySeries(await readBeside(memoryFile)) }),
        ...(dashboard && { dashboard }),
        ...(log && { log }),
        ...(saleGraph && { saleGraph }),
        ...(onSaleFile && { onSale: (await readBeside(onSaleFile)) as OnSaleFigures }),
        ...(ceilingsFile && { ceilings: (await readBeside(ceilingsFile)) as CeilingFigures }),
        ...(settledFile && { settled: (await readBeside(settledFile)) as Settled }),
        ...(machineFile && { machineBusy: (await readBeside(machineFile)) as BusySeries }),
        ...(bookingSvg &&
          bookingText && {
            slowestBooking: {
              svg: bookingSvg,
              text: await readFile(path.join(dir, bookingText), 'utf8'),
            },
          }),
      };
    }),
  );
  return { dir, id: path.basename(path.resolve(dir)), scenarios };
}
