import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { alertRules } from './support/prometheus-rules';

const root = path.resolve(__dirname, '../..');
const operationsDir = path.join(root, 'docs/operations');
const playbook = readdirSync(operationsDir)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => ({ name, text: readFileSync(path.join(operationsDir, name), 'utf8') }));

const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const filesUnder = (dir: string, suffix: RegExp): string[] =>
  readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => suffix.test(file))
    .map((file) => path.join(dir, file));
const matchesOf = (text: string, pattern: RegExp, group = 0) =>
  [...text.matchAll(pattern)].map((match) => match[group]!);
const unique = (values: string[]) => [...new Set(values)].sort();

// Where Headliner reads its environment: the services' and platform's config schemas, the shell
// scripts that start things (and write .local/infra.env), and the load-test runner.
const environmentSources = [
  ...filesUnder('services', /^[a-z]+\/src\/config\.ts$/),
  ...filesUnder('libs/platform/src/config', /\.ts$/),
  ...filesUnder('deploy/infra', /\.sh$/),
  ...filesUnder('deploy/bin', /\.(sh|mjs)$/),
  ...filesUnder('load-tests/src', /\.ts$/),
]
  .map(read)
  .join('\n');

const alertNames = new Set(alertRules().map(({ alert }) => alert));
const npmScripts = new Set(Object.keys(JSON.parse(read('package.json')).scripts));
const dashboardUids = new Set(
  filesUnder('deploy/observability/grafana/dashboards', /\.json$/).map(
    (file) => (JSON.parse(read(file)) as { uid: string }).uid,
  ),
);

describe.each(playbook.map(({ name, text }) => [name, text] as const))(
  'docs/operations/%s',
  (name, text) => {
    it('names only environment variables some config or script reads', () => {
      const variables = unique(matchesOf(text, /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g));
      const unknown = variables.filter(
        (variable) => !new RegExp(`\\b${variable}\\b`).test(environmentSources),
      );
      expect(unknown).toEqual([]);
    });

    it('names only npm scripts of package.json', () => {
      const scripts = unique(matchesOf(text, /npm run ([a-z][\w:-]*)/g, 1));
      expect(scripts.filter((script) => !npmScripts.has(script))).toEqual([]);
    });

    it('names only alerts of the rule files', () => {
      const alerts = unique(matchesOf(text, /\bHeadliner[A-Z]\w*/g));
      expect(alerts.filter((alert) => !alertNames.has(alert))).toEqual([]);
    });

    it('names only dashboards that exist, by uid', () => {
      const uids = unique(matchesOf(text, /`(headliner-[a-z-]+)`/g, 1));
      expect(uids.filter((uid) => !dashboardUids.has(uid))).toEqual([]);
    });

    it('links only to files that exist', () => {
      const targets = matchesOf(text, /\]\(([^)\s]+)\)/g, 1)
        .filter((target) => !/^([a-z]+:|#)/.test(target))
        .map((target) => target.replace(/#.*$/, ''));
      const broken = targets.filter(
        (target) => !existsSync(path.resolve(operationsDir, path.dirname(name), target)),
      );
      expect(broken).toEqual([]);
    });
  },
);

describe('the operations index', () => {
  it('lists every alert with its runbook', () => {
    const index = playbook.find(({ name }) => name === 'README.md')!.text;
    const listed = matchesOf(index, /\[(Headliner\w+)\]\(runbooks\/\1\.md\)/g, 1);
    expect(unique(listed)).toEqual(unique([...alertNames]));
  });
});
