// The per-fan lines scenarios/on-sale.js prints (`fan {json}`, one per fan, through k6's
// --console-output), read back for the fairness figures.

export type FanOutcome = 'bought' | 'sold-out' | 'gave-up' | 'not-admitted' | 'failed';

export interface FanRecord {
  /** The fan's place in the planned arrivals (0-based). */
  n: number;
  /** k6's clock, ms: when the join was sent and when its answer came. */
  sentAt?: number;
  answeredAt?: number;
  /** The join answered PRE_QUEUE: the fan arrived before the room opened. */
  preQueue?: boolean;
  /** Redis's clock, ms: when the queue made the fan's token ACTIVE. */
  admittedAt?: number;
  outcome: FanOutcome;
}

const prefix = 'fan ';

export function parseFanLines(text: string): FanRecord[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith(prefix))
    .map((line) => JSON.parse(line.slice(prefix.length)) as FanRecord);
}
