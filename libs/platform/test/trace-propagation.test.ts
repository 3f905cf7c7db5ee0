import { runTypeScript } from './support/run-typescript';
import type { FinishedSpan } from './support/traced/finished-spans';

interface FixtureOutput {
  showAnswer: { concert: { id: string; traceparent: string } };
  problem: { contentType: string; body: Record<string, unknown> };
  sentTraceId: string;
  spans: FinishedSpan[];
  logLines: Record<string, unknown>[];
}

// OpenTelemetry patches modules through node's own require, which jest replaces with its module
// registry, so the two services run in a child process started like a real one: telemetry first.
let output: FixtureOutput;
beforeAll(() => {
  const outcome = runTypeScript('traced/main.ts', {});
  if (outcome.exitCode !== 0) throw new Error(`fixture failed: ${outcome.stderr}`);
  output = JSON.parse(outcome.stdout) as FixtureOutput;
});

function span(kind: string, name: string): FinishedSpan {
  const found = output.spans.find(
    (candidate) => candidate.kind === kind && candidate.name === name,
  );
  if (!found) throw new Error(`no ${kind} span named ${name} in ${JSON.stringify(output.spans)}`);
  return found;
}

describe('when service A calls service B over HTTP', () => {
  it('continues the same trace in B, under the span of A’s outgoing call', () => {
    const aServer = span('SERVER', 'GET /shows/:id');
    const aClient = span('CLIENT', 'GET');
    const bServer = span('SERVER', 'GET /concerts/:id');

    expect(aServer.parentSpanId).toBeUndefined();
    expect(aClient.traceId).toBe(aServer.traceId);
    expect(bServer.traceId).toBe(aServer.traceId);
    expect(bServer.parentSpanId).toBe(aClient.spanId);
  });

  it('sends the W3C traceparent header from the upstream client', () => {
    const aClient = span('CLIENT', 'GET');

    expect(output.showAnswer.concert).toEqual({
      id: '42',
      traceparent: `00-${aClient.traceId}-${aClient.spanId}-01`,
    });
  });

  it('writes each request log line with the trace and span of its server span', () => {
    const bServer = span('SERVER', 'GET /concerts/:id');

    expect(output.logLines).toContainEqual(
      expect.objectContaining({
        msg: 'GET /concerts/42 200',
        trace_id: bServer.traceId,
        span_id: bServer.spanId,
      }),
    );
  });

  it('does not trace health probes', () => {
    const serverSpans = output.spans.filter((candidate) => candidate.kind === 'SERVER');

    // A's and B's, and the one for the unknown route below: none for the /health/ready call.
    expect(serverSpans.map((server) => server.name).sort()).toEqual([
      'GET',
      'GET /concerts/:id',
      'GET /shows/:id',
    ]);
  });
});

describe('when a traced request reaches no route', () => {
  it('answers a problem document carrying the caller’s trace id', () => {
    expect(output.problem.contentType).toMatch(/^application\/problem\+json/);
    expect(output.problem.body).toMatchObject({
      status: 404,
      instance: '/nope',
      traceId: output.sentTraceId,
    });
  });
});
