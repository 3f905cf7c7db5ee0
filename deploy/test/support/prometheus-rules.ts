import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export const prometheusDir = path.resolve(__dirname, '../../observability/prometheus');
export const rulesDir = path.join(prometheusDir, 'rules');
export const testsDir = path.join(prometheusDir, 'tests');

export interface AlertRule {
  alert: string;
  /** The rule file, relative to the rules folder. */
  file: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

interface RuleFile {
  groups: { rules: ({ alert?: string; record?: string } & Omit<AlertRule, 'file'>)[] }[];
}

interface RuleTestFile {
  rule_files: string[];
  tests: { alert_rule_test?: { alertname: string; exp_alerts?: unknown[] }[] }[];
}

const readYaml = <T>(file: string): T => parse(readFileSync(file, 'utf8')) as T;

/** Every file of a folder whose name ends with `suffix`, as absolute paths, sorted. */
export function filesIn(dir: string, suffix: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(suffix))
    .sort()
    .map((name) => path.join(dir, name));
}

export function alertRules(): AlertRule[] {
  return filesIn(rulesDir, '.yml').flatMap((file) =>
    readYaml<RuleFile>(file).groups.flatMap((group) =>
      group.rules
        .filter((rule) => rule.alert !== undefined)
        .map((rule) => ({
          alert: rule.alert!,
          file: path.basename(file),
          labels: rule.labels ?? {},
          annotations: rule.annotations ?? {},
        })),
    ),
  );
}

/** The rule files (absolute paths) that a promtool test file loads. */
export function ruleFilesTestedBy(testFile: string): string[] {
  const { rule_files: ruleFiles } = readYaml<RuleTestFile>(testFile);
  return ruleFiles.map((file) => path.resolve(path.dirname(testFile), file));
}

export interface AlertExpectations {
  /** Test cases expecting the alert firing at some time. */
  firing: number;
  /** Test cases expecting it not firing at some time (below the threshold, before `for`). */
  quiet: number;
}

/** For each alert name the test files expect something of, how many of each kind. */
export function alertExpectations(testFiles: string[]): Map<string, AlertExpectations> {
  const found = new Map<string, AlertExpectations>();
  for (const file of testFiles) {
    for (const test of readYaml<RuleTestFile>(file).tests) {
      for (const { alertname, exp_alerts: expected = [] } of test.alert_rule_test ?? []) {
        const counts = found.get(alertname) ?? { firing: 0, quiet: 0 };
        if (expected.length > 0) counts.firing += 1;
        else counts.quiet += 1;
        found.set(alertname, counts);
      }
    }
  }
  return found;
}
