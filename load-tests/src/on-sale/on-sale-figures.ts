import { readFile, writeFile } from 'node:fs/promises';
import { readSummary } from '../outcome';
import { parseFanLines } from './fan-lines';
import { fairnessOf, type Fairness } from './fairness';
import { tokenPathOf, type TokenPath } from './token-path';

// What the runner adds to an on-sale run: <scenario>.on-sale.json with the fairness of its
// admissions (from the fans' lines) and its token path against k6's ceiling; the report reads it.

export interface OnSaleFigures {
  fairness: Fairness;
  tokenPath: TokenPath;
}

export async function writeOnSaleFigures(files: {
  fanLines: string;
  summary: string;
  out: string;
  ceilingPerSecond: number | undefined;
}): Promise<OnSaleFigures> {
  const fans = parseFanLines(await readFile(files.fanLines, 'utf8').catch(() => ''));
  const figures: OnSaleFigures = {
    fairness: fairnessOf(fans),
    tokenPath: tokenPathOf(await readSummary(files.summary), files.ceilingPerSecond),
  };
  await writeFile(files.out, JSON.stringify(figures, null, 1));
  return figures;
}

/** The on-sale's figures worth a glance on the runner's line. */
export function onSaleLine({ fairness, tokenPath }: OnSaleFigures): string {
  const rho = fairness.shuffle.spearman;
  const ratio = tokenPath.ofCeiling;
  return [
    `${fairness.preQueue.admitted}/${fairness.preQueue.fans} pre-queue and ` +
      `${fairness.late.admitted}/${fairness.late.fans} later fans admitted`,
    `pre-queue ρ ${rho === null ? '-' : rho.toFixed(3)}`,
    `token path ${tokenPath.total} req, ${tokenPath.perSecond.toFixed(0)}/s` +
      (ratio === null ? '' : ` (${(ratio * 100).toFixed(1)} % of k6's ceiling)`),
  ].join(', ');
}
