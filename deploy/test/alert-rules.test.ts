import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  alertExpectations,
  alertRules,
  filesIn,
  ruleFilesTestedBy,
  rulesDir,
  testsDir,
} from './support/prometheus-rules';

const root = path.resolve(__dirname, '../..');
const runbooksDir = path.join(root, 'docs/operations/runbooks');
const run = promisify(execFile);

// Debian's prometheus package ships promtool; deploy/infra/packages.sh installs it for npm test.
const promtool = (...args: string[]) => run('promtool', args, { cwd: root, timeout: 60_000 });
const relative = (file: string) => path.relative(root, file);

const ruleFiles = filesIn(rulesDir, '.yml');
const testFiles = filesIn(testsDir, '.test.yml');
const alerts = alertRules();

describe('the Prometheus rule files', () => {
  it('are all *.yml, the only files Prometheus loads from the rules folder', () => {
    const others = readdirSync(rulesDir).filter((name) => !/\.yml$|^README\.md$/.test(name));
    expect(others).toEqual([]);
    expect(ruleFiles.length).toBeGreaterThan(0);
  });

  it.each(ruleFiles.map(relative))('%s passes promtool check rules', async (file) => {
    await expect(promtool('check', 'rules', file)).resolves.toBeDefined();
  });

  it.each(ruleFiles.map(relative))('%s is loaded by a promtool test file', (file) => {
    const tested = testFiles.flatMap(ruleFilesTestedBy).map(relative);
    expect(tested).toContain(file);
  });
});

describe('the promtool unit tests', () => {
  it.each(testFiles.map(relative))('%s passes promtool test rules', async (file) => {
    await expect(promtool('test', 'rules', file)).resolves.toBeDefined();
  });

  it('see every alert fire, and stay quiet at least once', () => {
    const expectations = alertExpectations(testFiles);
    const untested = alerts
      .map(({ alert }) => ({ alert, ...(expectations.get(alert) ?? { firing: 0, quiet: 0 }) }))
      .filter(({ firing, quiet }) => firing === 0 || quiet === 0);
    expect(untested).toEqual([]);
  });
});

describe.each(alerts.map((rule) => [rule.alert, rule] as const))('the alert %s', (name, rule) => {
  it('is named Headliner… once across the rule files', () => {
    expect(name).toMatch(/^Headliner[A-Z]\w+$/);
    expect(alerts.filter(({ alert }) => alert === name)).toHaveLength(1);
  });

  it('has a severity, a kind and the link to its runbook', () => {
    expect(rule.labels).toMatchObject({
      severity: expect.stringMatching(/^(page|ticket)$/),
      kind: expect.stringMatching(/^(cause|symptom)$/),
      runbook_url: `docs/operations/runbooks/${name}.md`,
    });
  });

  it('has a summary and a description', () => {
    expect(rule.annotations.summary).toEqual(expect.stringMatching(/\S/));
    expect(rule.annotations.description).toEqual(expect.stringMatching(/\S/));
  });

  it('has its runbook, titled with its name', () => {
    const runbook = path.join(runbooksDir, `${name}.md`);
    expect(existsSync(runbook)).toBe(true);
    expect(readFileSync(runbook, 'utf8').split('\n')[0]).toBe(`# ${name}`);
  });
});

describe('the runbooks', () => {
  it('are each for an alert that exists', () => {
    const names = new Set(alerts.map(({ alert }) => alert));
    const orphans = readdirSync(runbooksDir)
      .filter((file) => file !== 'README.md')
      .filter((file) => !names.has(path.basename(file, '.md')));
    expect(orphans).toEqual([]);
  });
});
