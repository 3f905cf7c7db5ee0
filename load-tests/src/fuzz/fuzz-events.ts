import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

// Reads schemathesis's NDJSON event stream (--report ndjson): one JSON event per line, each
// scenario's recorder holding its cases, the requests it sent and every check's verdict.

export interface FuzzFigures {
  command: string;
  seed: string;
  /** Generated test cases; a stateful step is one too. */
  cases: number;
  /** HTTP requests the fuzzer sent (the auth hooks' own are not among them). */
  requests: number;
  statuses: Record<string, number>;
  /** Answers >= 500, per operation ("POST /api/v1/auth/login"). */
  serverErrors: Record<string, number>;
  /** Failed checks per check and operation: check → operation → cases. */
  failedChecks: Record<string, Record<string, number>>;
  /** One message per check and operation, to read without opening the NDJSON. */
  examples: Record<string, string>;
  seconds: number;
  stopReason: string;
}

interface Interaction {
  request: { method: string };
  response?: { status_code: number };
}
interface CheckResult {
  name: string;
  status: string;
  failure_info?: { failure: { operation: string; title: string; message: string } };
}
interface Recorder {
  label: string;
  cases?: Record<string, { value: { method: string; path: string } }>;
  interactions?: Record<string, Interaction>;
  checks?: Record<string, CheckResult[]>;
}
type FuzzEvent = {
  Initialize?: { command: string; seed: number };
  ScenarioFinished?: { recorder: Recorder };
  EngineFinished?: { running_time: number; stop_reason: string };
};

const add = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

export async function readFuzzEvents(ndjsonFile: string): Promise<FuzzFigures> {
  const figures: FuzzFigures = {
    command: '',
    seed: '',
    cases: 0,
    requests: 0,
    statuses: {},
    serverErrors: {},
    failedChecks: {},
    examples: {},
    seconds: 0,
    stopReason: '',
  };
  const lines = createInterface({ input: createReadStream(ndjsonFile), crlfDelay: Infinity });
  for await (const line of lines) {
    // The seed is a 128-bit integer: keep its digits as written, not as a lossy number.
    const exact = line.startsWith('{"Initialize"')
      ? line.replace(/"seed":(\d+)/, '"seed":"$1"')
      : line;
    const event = JSON.parse(exact) as FuzzEvent;
    if (event.Initialize) {
      figures.command = event.Initialize.command;
      figures.seed = String(event.Initialize.seed);
    } else if (event.ScenarioFinished) {
      countScenario(event.ScenarioFinished.recorder, figures);
    } else if (event.EngineFinished) {
      figures.seconds = event.EngineFinished.running_time;
      figures.stopReason = event.EngineFinished.stop_reason;
    }
  }
  return figures;
}

function countScenario(recorder: Recorder, figures: FuzzFigures): void {
  const cases = recorder.cases ?? {};
  const operationOf = (caseId: string) => {
    const value = cases[caseId]?.value;
    return value ? `${value.method} ${value.path}` : recorder.label;
  };
  figures.cases += Object.keys(cases).length;
  for (const [caseId, interaction] of Object.entries(recorder.interactions ?? {})) {
    figures.requests += 1;
    const status = interaction.response?.status_code;
    add(figures.statuses, String(status ?? 'no answer'));
    if (status !== undefined && status >= 500) add(figures.serverErrors, operationOf(caseId));
  }
  for (const [caseId, checks] of Object.entries(recorder.checks ?? {})) {
    for (const check of checks.filter(({ status }) => status === 'failure')) {
      const failure = check.failure_info?.failure;
      const operation = failure?.operation ?? operationOf(caseId);
      add((figures.failedChecks[check.name] ??= {}), operation);
      figures.examples[`${check.name} ${operation}`] ??= failure
        ? [failure.title, failure.message.split('\n').find((line) => line.trim())]
            .filter(Boolean)
            .join(': ')
        : '';
    }
  }
}
