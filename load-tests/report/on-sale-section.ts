import type { OnSaleFigures } from '../src/on-sale/on-sale-figures';
import { markdownTable } from './markdown-table';
import type { ScenarioRun } from './run-folder';
import { statOf } from './summary-figures';
import { formatMs, formatValue } from './units';

// The on-sale's own part of its section: p95 per step of a fan, the seats sold, the token path
// against k6's ceiling, and the fairness of the admissions (<scenario>.on-sale.json).

const steps = [
  ['challenge', 'challenge_response_time'],
  ['join', 'token_response_time'],
  ['poll', 'queue_poll_response_time'],
  ['seat map', 'seat_response_time'],
  ['hold', 'book_response_time'],
  ['pay', 'pay_response_time'],
] as const;

const ms = (value: number | undefined) => (value === undefined ? '—' : formatMs(value));
const count = (value: number | undefined | null) =>
  value === undefined || value === null ? '—' : formatValue(value, 'count');

function stepTable(scenario: ScenarioRun): string {
  const p95 = steps.map(([, trend]) => ms(statOf(scenario.summary, trend, 'p(95)')));
  return markdownTable(
    steps.map(([label]) => `${label} p95`),
    [p95],
    steps.map((_, i) => i),
  );
}

function seatsLine(scenario: ScenarioRun, { fairness }: OnSaleFigures): string {
  const sold = statOf(scenario.summary, 'on_sale_seats_sold', 'value');
  const short = statOf(scenario.summary, 'on_sale_seats_short', 'value');
  const outcomes = Object.entries(fairness.outcomes)
    .map(([outcome, fans]) => `${outcome} ${count(fans)}`)
    .join(', ');
  const verdict =
    short === undefined
      ? ''
      : short === 0
        ? ' (all it could sell)'
        : ` (**${count(short)} short**)`;
  return `Seats sold: ${count(sold)}${verdict}. Fans: ${outcomes || 'none recorded'}.`;
}

function tokenPathLine({ tokenPath }: OnSaleFigures): string {
  const { requests, total, perSecond, ceilingPerSecond, ofCeiling } = tokenPath;
  const ceiling =
    ceilingPerSecond === null || ofCeiling === null
      ? "k6's ceiling not measured"
      : `${formatValue(ofCeiling, 'fraction')} of k6's own ceiling in this run ` +
        `(${formatValue(ceilingPerSecond, 'req/s')}: the token spike's shape against a server ` +
        'that only answers, probes/k6-ceiling.js)';
  return (
    `Token path: ${count(total)} requests (challenge ${count(requests.challenge)}, join ` +
    `${count(requests.token)}, polls ${count(requests.queue_poll)}), ` +
    `${formatValue(perSecond, 'req/s')} over the run: ${ceiling}.`
  );
}

function fairnessLines({ fairness }: OnSaleFigures): string[] {
  const { shuffle, preQueue, late, preQueueFirst, lateInOrder } = fairness;
  const rho =
    shuffle.spearman === null
      ? 'Spearman ρ undefined (too few fans or all admitted at once)'
      : `Spearman ρ ${shuffle.spearman.toFixed(3)}`;
  const bound =
    shuffle.bound === null
      ? ''
      : shuffle.checked
        ? `, bound ±${shuffle.bound.toFixed(3)} (4/√(n−1): a fair shuffle exceeds it about once in 16,000 runs)`
        : ' (not held to a bound below 30 fans)';
  const { lastPreQueueAdmittedAt: lastEarly, firstLateAdmittedAt: firstLate } = preQueueFirst;
  const first =
    lastEarly === null || firstLate === null
      ? 'not both groups admitted'
      : firstLate === lastEarly
        ? 'the last pre-queue fan and the first later arrival admitted in the same millisecond ' +
          '(one admission step, which takes the line in order)'
        : `last pre-queue fan admitted ${formatMs(Math.abs(firstLate - lastEarly))} ` +
          `${firstLate > lastEarly ? 'before' : '**after**'} the first later arrival`;
  return [
    `Fairness (${count(preQueue.admitted)} of ${count(preQueue.fans)} pre-queue fans and ` +
      `${count(late.admitted)} of ${count(late.fans)} later arrivals admitted):`,
    '',
    `- (a) the pre-queue's admission order against its arrival order: ${rho}${bound};`,
    `- (b) every pre-queue fan before any later arrival: ${first};`,
    `- (c) later arrivals in arrival order: ${count(lateInOrder.pairsOutOfOrder)} of ` +
      `${count(lateInOrder.comparablePairs)} pairs whose joins did not overlap admitted out of order.`,
    ...(fairness.violations.length > 0
      ? ['', ...fairness.violations.map((violation) => `**Unfair:** ${violation}.`)]
      : []),
  ];
}

export function onSaleSection(scenario: ScenarioRun): string[] {
  const figures = scenario.onSale;
  if (!figures) return [];
  return [
    '### The on-sale',
    stepTable(scenario),
    seatsLine(scenario, figures),
    tokenPathLine(figures),
    fairnessLines(figures).join('\n'),
  ];
}
