import { parseArgs } from 'node:util';
import type { EntryPosition } from './dlq-entry';
import type { Selection } from './dlq-selection';

export const dlqCommandNames = ['list', 'show', 'replay', 'discard'] as const;
export type DlqCommandName = (typeof dlqCommandNames)[number];

export interface DlqCommand {
  name: DlqCommandName;
  /** As typed: an event type, a topic or a DLQ name (see dlq-topic.ts); `list` needs none. */
  topic?: string;
  selection: Selection;
  dryRun: boolean;
  json: boolean;
  operator?: string;
  reason?: string;
}

export const dlqUsage = `usage: npm run dlq -- <command> --topic <event type | topic> [selection] [options]

commands:
  list      the entries still to be handled (with --include-handled, all of them);
            without --topic, how many entries each DLQ holds and how many are still to handle
  show      every detail of the selected entries: failure, key, headers, value
  replay    publishes each selected entry again to its source topic, same key, value and headers
  discard   marks each selected entry handled without replaying it (--reason required)

selection (every criterion given must match; replay and discard need one, or --all):
  --entry <partition:offset>   one entry; repeat for several
  --type <event type>          e.g. payment.requested
  --since <time>, --until <time>   parked from / before: an ISO time or an age such as 30m, 2h, 7d
  --include-handled            also entries already replayed or discarded
  --all                        every entry still to be handled

options:
  --dry-run                    replay or discard: say what would be done, change nothing
  --reason <text>              why (discard: required)
  --operator <name>            who acts (default: DLQ_OPERATOR, else user@host)
  --json                       list and show as JSON lines`;

/** A command line that cannot be run; the message says why. */
export class DlqUsageError extends Error {
  override readonly name = 'DlqUsageError';
}

export function parseDlqArguments(argv: string[], now: Date): DlqCommand {
  const { positionals, values } = parseCommandLine(argv);
  const [name, ...extra] = positionals;
  if (!isCommandName(name)) throw new DlqUsageError(`unknown command: ${name ?? '(none)'}`);
  if (extra.length > 0) throw new DlqUsageError(`unexpected argument: ${extra[0]}`);
  if (values.topic === undefined && name !== 'list')
    throw new DlqUsageError(`${name} needs --topic`);
  const selection: Selection = {
    positions: (values.entry ?? []).map(positionOf),
    eventType: values.type,
    since: values.since === undefined ? undefined : timeOf('--since', values.since, now),
    until: values.until === undefined ? undefined : timeOf('--until', values.until, now),
    includeHandled: values['include-handled'] ?? false,
  };
  const acts = name === 'replay' || name === 'discard';
  if (acts && !values.all && !selects(selection))
    throw new DlqUsageError(
      `${name} needs a selection (--entry, --type, --since, --until) or --all`,
    );
  if (name === 'discard' && !values.reason?.trim())
    throw new DlqUsageError('discard needs --reason');
  if (!acts && values['dry-run']) throw new DlqUsageError(`--dry-run is for replay and discard`);
  return {
    name,
    topic: values.topic,
    selection,
    dryRun: values['dry-run'] ?? false,
    json: values.json ?? false,
    operator: values.operator,
    reason: values.reason,
  };
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        topic: { type: 'string' },
        entry: { type: 'string', multiple: true },
        type: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        'include-handled': { type: 'boolean' },
        all: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        reason: { type: 'string' },
        operator: { type: 'string' },
        json: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new DlqUsageError((error as Error).message);
  }
}

function isCommandName(name: string | undefined): name is DlqCommandName {
  return dlqCommandNames.some((candidate) => candidate === name);
}

function selects(selection: Selection): boolean {
  return (
    selection.positions.length > 0 ||
    selection.eventType !== undefined ||
    selection.since !== undefined ||
    selection.until !== undefined
  );
}

function positionOf(text: string): EntryPosition {
  const match = /^(\d+):(\d+)$/.exec(text);
  if (!match) throw new DlqUsageError(`--entry must be partition:offset, e.g. 0:42 (got ${text})`);
  return { partition: Number(match[1]), offset: BigInt(match[2]!).toString() };
}

const unitMs = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

function timeOf(option: string, text: string, now: Date): Date {
  const age = /^(\d+)([mhd])$/.exec(text);
  if (age) return new Date(now.getTime() - Number(age[1]) * unitMs[age[2] as keyof typeof unitMs]);
  const time = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(time.getTime()))
    throw new DlqUsageError(`${option} must be an ISO time or an age such as 30m, 2h, 7d`);
  return time;
}
