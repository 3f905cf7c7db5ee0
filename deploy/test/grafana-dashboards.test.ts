import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

// What can be checked of the Grafana dashboards without a Grafana: that the committed JSON is
// what the generator makes, that it is a dashboard Grafana's provisioning loads (the fields and
// shapes of schemaVersion 39), and that k8s mounts the same files where provisioning looks.
// Whether each query answers is load-tests/src/dashboards/test/dashboards.int.test.ts's job.
const root = path.resolve(__dirname, '../..');
const grafana = path.join(root, 'deploy/observability/grafana');
const dashboardsDir = path.join(grafana, 'dashboards');
const run = promisify(execFile);
const generate = (...args: string[]) =>
  run(process.execPath, [path.join(grafana, 'generator/generate.mjs'), ...args], { cwd: root });
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

interface Datasource {
  type: string;
  uid: string;
}
interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { h: number; w: number; x: number; y: number };
  datasource?: Datasource;
  targets?: { refId: string; expr: string; datasource: Datasource }[];
  fieldConfig?: { defaults: object; overrides: unknown[] };
}
interface Dashboard {
  uid: string;
  title: string;
  schemaVersion: number;
  panels: Panel[];
  templating: { list: { name: string; type: string; datasource: Datasource }[] };
}

const files = readdirSync(dashboardsDir).filter((file) => file.endsWith('.json'));
const dashboards = files.map((file) => ({
  file,
  dashboard: JSON.parse(readFileSync(path.join(dashboardsDir, file), 'utf8')) as Dashboard,
}));

/** The datasources provisioning creates, by uid: name, uid and type of each list entry. */
function provisionedDatasources(): Map<string, string> {
  const text = read('deploy/observability/grafana/provisioning/datasources/datasources.yaml');
  const entries = text.split(/^ {2}- /m).slice(1);
  return new Map(
    entries.map((entry) => [
      /^\s*uid: (\S+)$/m.exec(entry)?.[1] ?? '',
      /^\s*type: (\S+)$/m.exec(entry)?.[1] ?? '',
    ]),
  );
}

describe('the dashboards as code', () => {
  it('are committed as the generator makes them', async () => {
    await expect(generate('--check')).resolves.toBeDefined();
  });

  it('are reported stale once a committed file and its definition disagree', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'grafana-dashboards-'));
    try {
      cpSync(dashboardsDir, dir, { recursive: true });
      const [first] = files;
      const file = path.join(dir, first as string);
      // A panel edited by hand (in Grafana's UI, say) and pasted back.
      writeFileSync(file, readFileSync(file, 'utf8').replace('"timeseries"', '"graph"'));
      await expect(generate('--check', '--dir', dir)).rejects.toMatchObject({ code: 1 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('every provisioned dashboard', () => {
  const datasources = provisionedDatasources();

  it('has a uid of its own, which names its file', () => {
    const uids = dashboards.map(({ dashboard }) => dashboard.uid);
    expect(new Set(uids).size).toBe(uids.length);
    for (const { file, dashboard } of dashboards) {
      expect(file).toBe(`${dashboard.uid}.json`);
      expect(dashboard.uid).toMatch(/^[\w-]{1,40}$/);
      expect(dashboard.title).toEqual(expect.any(String));
      expect(dashboard.schemaVersion).toBe(39);
    }
    expect(files.sort()).toEqual(['headliner-load-test.json', 'headliner-overview.json']);
  });

  it.each(dashboards.map(({ dashboard }) => [dashboard.title, dashboard] as const))(
    '%s: panels with unique ids on the 24-column grid, none overlapping',
    (_title, dashboard) => {
      const ids = dashboard.panels.map((panel) => panel.id);
      expect(new Set(ids).size).toBe(ids.length);
      const cells = new Map<string, string>();
      for (const { gridPos, title } of dashboard.panels) {
        expect(gridPos.x).toBeGreaterThanOrEqual(0);
        expect(gridPos.x + gridPos.w).toBeLessThanOrEqual(24);
        for (let x = gridPos.x; x < gridPos.x + gridPos.w; x += 1) {
          for (let y = gridPos.y; y < gridPos.y + gridPos.h; y += 1) {
            expect([title, cells.get(`${x},${y}`)]).toEqual([title, undefined]);
            cells.set(`${x},${y}`, title);
          }
        }
      }
    },
  );

  it.each(dashboards.map(({ dashboard }) => [dashboard.title, dashboard] as const))(
    '%s: every panel, target and variable names a provisioned datasource by uid and type',
    (_title, dashboard) => {
      const used = [
        ...dashboard.templating.list.map((variable) => variable.datasource),
        ...dashboard.panels.flatMap((panel) =>
          panel.type === 'row'
            ? []
            : [panel.datasource, ...(panel.targets ?? []).map((target) => target.datasource)],
        ),
      ];
      for (const datasource of used) {
        expect(datasource?.uid && datasources.get(datasource.uid)).toBe(datasource?.type);
      }
    },
  );

  it.each(dashboards.map(({ dashboard }) => [dashboard.title, dashboard] as const))(
    '%s: every panel has targets with their own refIds, using only defined variables',
    (_title, dashboard) => {
      const variables = new Set([
        ...dashboard.templating.list.map((variable) => variable.name),
        '__rate_interval',
        '__interval',
        '__range',
      ]);
      for (const panel of dashboard.panels.filter((p) => p.type !== 'row')) {
        expect(panel.type).toBe('timeseries');
        expect(panel.fieldConfig?.overrides).toEqual([]);
        const refIds = (panel.targets ?? []).map((target) => target.refId);
        expect([panel.title, refIds.length > 0]).toEqual([panel.title, true]);
        expect(new Set(refIds).size).toBe(refIds.length);
        for (const { expr } of panel.targets ?? []) {
          const named = [...expr.matchAll(/\$\{?(\w+)\}?/g)].map((match) => match[1]);
          expect([panel.title, named.filter((name) => !variables.has(name as string))]).toEqual([
            panel.title,
            [],
          ]);
        }
      }
    },
  );
});

describe('Grafana in k8s', () => {
  const kustomization = read('deploy/observability/grafana/kustomization.yaml');
  const deployment = read('k8s/observability/grafana.yaml');

  it('gets every dashboard and provisioning file through the one kustomization beside them', () => {
    const listed = [...kustomization.matchAll(/^\s+- (\S+\.(?:json|yaml))$/gm)].map((m) => m[1]);
    const provisioning = ['datasources/datasources.yaml', 'dashboards/dashboards.yaml'];
    expect(listed.sort()).toEqual(
      [
        ...files.map((file) => `dashboards/${file}`),
        ...provisioning.map((f) => `provisioning/${f}`),
      ].sort(),
    );
    expect(read('k8s/observability/kustomization.yaml')).toContain(
      '- ../../deploy/observability/grafana',
    );
  });

  it('mounts the dashboards where the dashboard provider looks, and sets the datasource URLs', () => {
    const providers = read('deploy/observability/grafana/provisioning/dashboards/dashboards.yaml');
    const providerPath = /^\s+path: (\S+)$/m.exec(providers)?.[1];
    expect(deployment).toContain(
      `{ name: dashboards, mountPath: ${providerPath}, readOnly: true }`,
    );
    expect(deployment).toMatch(/mountPath: \/etc\/grafana\/provisioning\/datasources/);
    expect(deployment).toMatch(/mountPath: \/etc\/grafana\/provisioning\/dashboards/);
    const datasourcesFile = read(
      'deploy/observability/grafana/provisioning/datasources/datasources.yaml',
    );
    for (const [, variable] of datasourcesFile.matchAll(/url: \$(\w+)/g)) {
      expect(deployment).toContain(`name: ${variable},`);
    }
    expect(deployment).toMatch(/image: grafana\/grafana:\d+\.\d+\.\d+$/m);
  });
});
