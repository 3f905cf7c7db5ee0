import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { topicsToCreate } from '@headliner/contracts';
import { parseAllDocuments } from 'yaml';
import { keyPrefixOf, redisServices, redisUserRules } from '../../tools/system/src/redis-users';

// The generated parts of k8s/ are committed as their sources make them (the topic registry, the
// platform's ACLs, the local Prometheus' rules and scrape job), and say what the sources say.
const root = path.resolve(__dirname, '../..');
const run = promisify(execFile);
interface Generated {
  kind: string;
  metadata: { name: string };
  spec: {
    topicName: string;
    partitions: number;
    config: Record<string, string>;
    groups: { rules: { alert?: string; record?: string }[] }[];
  };
}
const manifests = (file: string) =>
  parseAllDocuments(readFileSync(path.join(root, file), 'utf8')).map(
    (document) => document.toJS() as Generated,
  );

it.each(['k8s-kafka.mjs', 'k8s-monitoring.mjs'])(
  'deploy/bin/%s finds its committed output current',
  async (generator) => {
    await expect(
      run(process.execPath, [path.join(root, 'deploy/bin', generator), '--check'], { cwd: root }),
    ).resolves.toBeDefined();
  },
);

it('makes a KafkaTopic of every registry topic and DLQ, with its partitions and config', () => {
  const generated = manifests('k8s/overlays/local/kafka/topics.yaml').map(({ spec }) => ({
    name: spec.topicName,
    partitions: spec.partitions,
    ...(spec.config['retention.ms']
      ? { config: { 'retention.ms': spec.config['retention.ms'] } }
      : {}),
  }));
  const registry = topicsToCreate().map(({ name, partitions, config }) => ({
    name,
    partitions,
    ...(config ? { config: { 'retention.ms': config['retention.ms'] } } : {}),
  }));
  expect(generated).toEqual(registry);
});

it('ships every alert and recording rule of the local Prometheus as a PrometheusRule', () => {
  const rulesDir = path.join(root, 'deploy/observability/prometheus/rules');
  const local = readFileSync(path.join(rulesDir, 'messaging.yml'), 'utf8');
  const rule = manifests('k8s/components/monitoring/prometheus-rules.yaml').find(
    ({ metadata }) => metadata.name === 'headliner-messaging',
  );
  for (const [, name] of local.matchAll(/^\s+- (?:alert|record): (\S+)$/gm)) {
    expect(
      rule?.spec.groups.flatMap((group) => group.rules.map((r) => r.alert ?? r.record)),
    ).toContain(name);
  }
});

it("gives the local Redis' users the rules tools/system gives them on npm start's Redis", () => {
  const secret = manifests('k8s/overlays/local/secrets.yaml').find(
    ({ metadata }) => metadata.name === 'redis-acl',
  ) as unknown as { stringData: { 'users.acl': string } };
  const lines = secret.stringData['users.acl'].trim().split('\n');
  const expected = redisServices.map((service) => {
    const password = /^user \S+ reset on >(\S+) /.exec(
      lines.find((line) => line.startsWith(`user ${service} `)) ?? '',
    )?.[1];
    const rules = redisUserRules({
      service,
      username: service,
      password: password ?? '(no line)',
      keyPrefix: keyPrefixOf(service, {}),
    });
    return `user ${service} ${rules.join(' ')}`;
  });
  expect(lines).toEqual(['user default off', ...expected]);
});

// Debian's prometheus-alertmanager ships amtool; deploy/infra installs it.
const amtool = spawnSync('amtool', ['--version']).status === 0;
(amtool ? it : it.skip)('makes an Alertmanager configuration amtool accepts', async () => {
  const [secret] = manifests('k8s/components/monitoring/alertmanager-config.yaml') as unknown as {
    stringData: Record<string, string>;
  }[];
  const dir = mkdtempSync(path.join(tmpdir(), 'k8s-alertmanager-'));
  try {
    writeFileSync(path.join(dir, 'alertmanager.yaml'), secret.stringData['alertmanager.yaml']);
    const { stdout } = await run('amtool', ['check-config', path.join(dir, 'alertmanager.yaml')]);
    expect(stdout).toContain('2 receivers');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
