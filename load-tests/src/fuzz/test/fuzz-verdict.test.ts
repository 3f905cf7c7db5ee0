import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readFuzzEvents, type FuzzFigures } from '../fuzz-events';
import { contractViolations, fuzzSummary, passed, serverErrors } from '../fuzz-summary';

// Events in the shape schemathesis 4 writes with --report ndjson, cut down to what is read.
const failure = (check: string, operation: string, title: string) => ({
  name: check,
  status: 'failure',
  failure_info: { failure: { operation, title, message: `${title}\n\nmore` } },
});
// The seed is written as schemathesis writes it: a bare 128-bit integer.
const initialize =
  '{"Initialize":{"command":"st run http://127.0.0.1:1/docs/openapi.json","seed":12345678901234567890123}}';
const events = [
  {
    ScenarioFinished: {
      recorder: {
        label: 'Stateful tests',
        cases: {
          a: { value: { method: 'POST', path: '/api/v1/auth/login' } },
          b: { value: { method: 'GET', path: '/health/live' } },
          c: { value: { method: 'GET', path: '/health/live' } },
        },
        interactions: {
          a: { request: { method: 'POST' }, response: { status_code: 500 } },
          b: { request: { method: 'GET' }, response: { status_code: 200 } },
          c: { request: { method: 'GET' }, response: { status_code: 200 } },
        },
        checks: {
          a: [
            { name: 'status_code_conformance', status: 'success' },
            failure('not_a_server_error', 'POST /api/v1/auth/login', 'Server error'),
          ],
          b: [
            failure('response_schema_conformance', 'GET /health/live', 'Response violates schema'),
          ],
          c: [
            failure('response_schema_conformance', 'GET /health/live', 'Response violates schema'),
          ],
        },
      },
    },
  },
  { EngineFinished: { running_time: 31.5, stop_reason: 'max_time' } },
];

describe('when a fuzz run is read from its NDJSON events', () => {
  let figures: FuzzFigures;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'fuzz-events-'));
    const file = path.join(dir, 'events.ndjson');
    const lines = [initialize, ...events.map((event) => JSON.stringify(event))];
    await writeFile(file, lines.join('\n') + '\n');
    figures = await readFuzzEvents(file);
  });
  afterAll(() => rm(dir, { recursive: true }));

  it('counts requests, answers by status and answers >= 500 per operation', () => {
    expect(figures.requests).toBe(3);
    expect(figures.statuses).toEqual({ '200': 2, '500': 1 });
    expect(figures.serverErrors).toEqual({ 'POST /api/v1/auth/login': 1 });
  });

  it('counts failed checks per check and operation, server errors apart', () => {
    expect(figures.failedChecks).toEqual({
      not_a_server_error: { 'POST /api/v1/auth/login': 1 },
      response_schema_conformance: { 'GET /health/live': 2 },
    });
    expect(contractViolations(figures)).toBe(2);
  });

  it('keeps the 128-bit seed as written, so the run can be repeated', () => {
    expect(figures.seed).toBe('12345678901234567890123');
  });

  it('fails on an answer >= 500 whether strict or not', () => {
    expect(serverErrors(figures)).toBe(1);
    expect(passed({ figures, invariantViolations: [], strict: false })).toBe(false);
  });

  it('fails on contract violations only when strict', () => {
    const noServerErrors = { ...figures, serverErrors: {} };
    expect(passed({ figures: noServerErrors, invariantViolations: [], strict: false })).toBe(true);
    expect(passed({ figures: noServerErrors, invariantViolations: [], strict: true })).toBe(false);
  });

  it('fails on a broken booking invariant', () => {
    const clean = { ...figures, serverErrors: {}, failedChecks: {} };
    expect(passed({ figures: clean, invariantViolations: ['seat sold twice'], strict: true })).toBe(
      false,
    );
  });

  it('summarises the verdict, the figures and each failed check with its first message', () => {
    const summary = fuzzSummary({ figures, invariantViolations: [], strict: false });
    expect(summary).toMatch(/^# Fuzz run: FAILED/);
    expect(summary).toContain('- requests: 3');
    expect(summary).toContain('- answers >= 500: 1');
    expect(summary).toContain(
      '| response_schema_conformance | GET /health/live | 2 | Response violates schema: Response violates schema |',
    );
  });
});
