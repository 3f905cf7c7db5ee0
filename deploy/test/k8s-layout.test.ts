import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { missingSecretKeys, policyViolations, type Manifest } from './support/k8s-policy';

// The cluster layout as `kubectl apply -k` would see it: every kustomization builds with the
// pinned kustomize, its output validates strictly (kubeconform, Kubernetes' schemas and the
// operators' CRDs, which deploy/bin/k8s-tools.sh installs), and every workload keeps the
// policy of ./support/k8s-policy.ts, whose rules are themselves tested below on broken copies.
const root = path.resolve(__dirname, '../..');
const run = promisify(execFile);
const overlaysDir = path.join(root, 'k8s/overlays');
const kustomizations = [
  'k8s/base',
  ...readdirSync(overlaysDir)
    .filter((name) => existsSync(path.join(overlaysDir, name, 'kustomization.yaml')))
    .map((name) => `k8s/overlays/${name}`),
];

let tools: Record<string, string> = {};
const builds = new Map<string, { text: string; manifests: Manifest[] }>();
const parse = (text: string) =>
  parseAllDocuments(text).map((document) => document.toJS() as Manifest);

async function kubeconform(file: string) {
  return run(
    tools.KUBECONFORM,
    [
      '-strict',
      '-summary',
      '-schema-location',
      `${tools.K8S_SCHEMAS}/{{ .ResourceKind }}{{ .KindSuffix }}.json`,
      '-schema-location',
      `${tools.CRD_SCHEMAS}/{{ .Group }}_{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json`,
      file,
    ],
    { cwd: root },
  );
}

const work = mkdtempSync(path.join(tmpdir(), 'k8s-layout-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(async () => {
  const { stdout } = await run('bash', ['deploy/bin/k8s-tools.sh'], { cwd: root });
  tools = Object.fromEntries(
    [...stdout.matchAll(/^([A-Z0-9_]+)=(.*)$/gm)].map(([, k, v]) => [k, v]),
  );
  for (const kustomization of kustomizations) {
    const { stdout: text } = await run(tools.KUSTOMIZE, ['build', kustomization], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    builds.set(kustomization, { text, manifests: parse(text) });
  }
}, 600_000);

describe.each(kustomizations)('%s', (kustomization) => {
  const build = () => builds.get(kustomization)!;

  it('validates strictly against Kubernetes and the operators’ schemas', async () => {
    const file = path.join(work, `${kustomization.replaceAll('/', '-')}.yaml`);
    writeFileSync(file, build().text);
    const { stdout } = await kubeconform(file);
    expect(stdout).toMatch(/Invalid: 0, Errors: 0, Skipped: 0/);
  });

  it('keeps every workload probed, bounded, non-root, pinned and behind a NetworkPolicy', () => {
    expect(policyViolations(build().manifests)).toEqual([]);
  });
});

describe('the Secrets', () => {
  const template = parse(
    readFileSync(path.join(root, 'k8s/secrets/secrets.template.yaml'), 'utf8'),
  );

  it.each(kustomizations)('%s reads no key the template lacks', (kustomization) => {
    expect(missingSecretKeys(builds.get(kustomization)!.manifests, template)).toEqual([]);
  });

  it('are all in the local overlay, which carries its own', () => {
    const { manifests } = builds.get('k8s/overlays/local')!;
    const secrets = manifests.filter((manifest) => manifest.kind === 'Secret');
    expect(missingSecretKeys(manifests, secrets)).toEqual([]);
  });
});

describe('the local Secrets', () => {
  const stringData = (name: string) =>
    (
      builds
        .get('k8s/overlays/local')!
        .manifests.find((m) => m.kind === 'Secret' && m.metadata.name === name) as unknown as {
        stringData: Record<string, string>;
      }
    ).stringData;

  it('give each database URL the login its CloudNativePG Cluster creates', () => {
    for (const [key, url] of Object.entries(stringData('headliner-databases'))) {
      const { username, password, hostname } = new URL(url);
      const owner = key.startsWith('reconcile-') ? 'postgres-reconciler' : `postgres-${key}-owner`;
      expect({ key, username, password }).toEqual({ key, ...stringData(owner) });
      expect(hostname).toBe(`postgres-${key.replace(/^reconcile-/, '')}-rw`);
    }
  });

  it('give each Redis URL the password of its ACL user', () => {
    const acl = stringData('redis-acl')['users.acl'];
    for (const [key, url] of Object.entries(stringData('headliner-redis'))) {
      const { username, password } = new URL(url);
      expect(`${key}: ${acl}`).toContain(`user ${username} reset on >${password} `);
      expect(key).toBe(`${username}-url`);
    }
  });
});

describe('the checks themselves', () => {
  interface Container {
    image?: string;
    securityContext: { readOnlyRootFilesystem?: boolean };
    volumeMounts?: unknown[];
    readinessProbe?: unknown;
    livenessProbe?: unknown;
    resources: { limits?: unknown };
    env: unknown[];
  }
  interface Deployment {
    spec: {
      template: {
        metadata: { labels: Record<string, string> };
        spec: {
          automountServiceAccountToken?: boolean;
          securityContext: { runAsNonRoot?: boolean };
          containers: Container[];
        };
      };
    };
  }
  /** The local build with the gateway's Deployment changed by `change`. */
  function withGateway(change: (deployment: Deployment) => void): Manifest[] {
    const manifests = structuredClone(builds.get('k8s/overlays/local')!.manifests);
    const gateway = manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === 'gateway');
    change(gateway as unknown as Deployment);
    return manifests;
  }
  const gatewayContainer = (deployment: Deployment) => deployment.spec.template.spec.containers[0];
  const pod = (deployment: Deployment) => deployment.spec.template.spec;

  it.each<[string, string, (deployment: Deployment) => void]>([
    [
      'without a readinessProbe',
      'no readinessProbe',
      (d) => delete gatewayContainer(d).readinessProbe,
    ],
    [
      'without a livenessProbe',
      'no livenessProbe',
      (d) => delete gatewayContainer(d).livenessProbe,
    ],
    ['without a memory limit', 'limits.memory', (d) => delete gatewayContainer(d).resources.limits],
    ['that may run as root', 'may run as root', (d) => delete pod(d).securityContext.runAsNonRoot],
    [
      'with a writable root',
      'readOnlyRootFilesystem',
      (d) => delete gatewayContainer(d).securityContext.readOnlyRootFilesystem,
    ],
    ['with no /tmp', 'no writable /tmp', (d) => delete gatewayContainer(d).volumeMounts],
    [
      'on :latest',
      'is not pinned',
      (d) => (gatewayContainer(d).image = 'headliner/gateway:latest'),
    ],
    ['on no tag', 'is not pinned', (d) => (gatewayContainer(d).image = 'headliner/gateway')],
    [
      'mounting a token',
      'automountServiceAccountToken',
      (d) => delete pod(d).automountServiceAccountToken,
    ],
    [
      'no NetworkPolicy selects',
      'no NetworkPolicy selects',
      (d) => (d.spec.template.metadata.labels = { app: 'x' }),
    ],
  ])('report a Deployment %s', (_case, violation, change) => {
    const violations = policyViolations(withGateway(change));
    expect(
      violations.some((text) => text.startsWith('Deployment gateway') && text.includes(violation)),
    ).toBe(true);
  });

  it('report a layout without a default-deny NetworkPolicy', () => {
    const manifests = builds
      .get('k8s/base')!
      .manifests.filter((m) => m.metadata.name !== 'default-deny');
    expect(policyViolations(manifests)).toContain(
      'no default-deny NetworkPolicy (Ingress and Egress)',
    );
  });

  it('report a key a workload reads that no Secret has', () => {
    const manifests = withGateway((d) =>
      gatewayContainer(d).env.push({
        name: 'NEW_SECRET',
        valueFrom: { secretKeyRef: { name: 'headliner-auth', key: 'new-secret' } },
      }),
    );
    const secrets = manifests.filter((manifest) => manifest.kind === 'Secret');
    expect(missingSecretKeys(manifests, secrets)).toEqual(['headliner-auth/new-secret']);
  });

  it('kubeconform rejects a field a CRD does not define', async () => {
    const file = path.join(work, 'stray-field.yaml');
    writeFileSync(
      file,
      'apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata: { name: t }\n' +
        'spec: { partitions: 3, replicas: 3, retention: 1 }\n',
    );
    await expect(kubeconform(file)).rejects.toMatchObject({
      stdout: expect.stringContaining("additional properties 'retention' not allowed"),
    });
  });
});

describe('the rollout', () => {
  interface Workload {
    kind: string;
    metadata: { name: string; labels?: Record<string, string> };
    spec: {
      replicas?: number;
      scaleTargetRef?: { kind: string; name: string };
      maxReplicas?: number;
      template: {
        spec: {
          terminationGracePeriodSeconds?: number;
          containers: { lifecycle?: { preStop?: { sleep?: { seconds: number } } } }[];
        };
      };
    };
    data?: Record<string, string>;
  }
  const manifestsOf = (kustomization: string) =>
    builds.get(kustomization)!.manifests as unknown as Workload[];
  /** The application's Deployments: base's, as each kustomization makes them. */
  const services = (kustomization: string) => {
    const names = manifestsOf('k8s/base')
      .filter((m) => m.kind === 'Deployment')
      .map((m) => m.metadata.name);
    return manifestsOf(kustomization).filter(
      (m) => m.kind === 'Deployment' && names.includes(m.metadata.name),
    );
  };

  it.each(kustomizations)(
    '%s gives each service time for preStop and SHUTDOWN_TIMEOUT_MS before SIGKILL',
    (kustomization) => {
      const config = manifestsOf(kustomization).find((m) => m.metadata.name === 'headliner-config');
      const shutdownSeconds = Number(config?.data?.SHUTDOWN_TIMEOUT_MS) / 1000;
      expect(shutdownSeconds).toBeGreaterThan(0);
      const tooShort = services(kustomization).filter((service) => {
        const pod = service.spec.template.spec;
        const preStop = pod.containers[0].lifecycle?.preStop?.sleep?.seconds ?? 0;
        return (pod.terminationGracePeriodSeconds ?? 30) <= preStop + shutdownSeconds;
      });
      expect(tooShort.map((service) => service.metadata.name)).toEqual([]);
    },
  );

  it.each(kustomizations)(
    '%s spreads each service over zones and nodes, and keeps a PDB over it',
    (kustomization) => {
      const manifests = manifestsOf(kustomization) as unknown as {
        kind: string;
        metadata: { name: string };
        spec: {
          selector?: { matchLabels: Record<string, string> };
          template?: { spec: { topologySpreadConstraints?: { topologyKey: string }[] } };
        };
      }[];
      const pdbs = manifests.filter((m) => m.kind === 'PodDisruptionBudget');
      for (const service of services(kustomization)) {
        const name = service.metadata.name;
        const spread = manifests
          .find((m) => m.kind === 'Deployment' && m.metadata.name === name)!
          .spec.template!.spec.topologySpreadConstraints?.map((c) => c.topologyKey);
        expect({ name, spread }).toEqual({
          name,
          spread: ['topology.kubernetes.io/zone', 'kubernetes.io/hostname'],
        });
        const pdb = pdbs.find(
          (m) => m.spec.selector?.matchLabels['app.kubernetes.io/name'] === name,
        );
        expect({ name, pdb: pdb?.metadata.name }).toEqual({ name, pdb: name });
      }
    },
  );

  it('scales every production service by an HPA that owns its replica count', () => {
    const manifests = manifestsOf('k8s/overlays/production');
    const scaled = manifests
      .filter((m) => m.kind === 'HorizontalPodAutoscaler')
      .map((hpa) => hpa.spec.scaleTargetRef!.name)
      .sort();
    const deployments = services('k8s/overlays/production');
    expect(scaled).toEqual(deployments.map((d) => d.metadata.name).sort());
    expect(deployments.filter((d) => d.spec.replicas !== undefined)).toEqual([]);
  });

  it('migrates with the Prisma CLI the image carries, as image-check runs it from the image', () => {
    interface Pod {
      initContainers?: { name: string; command?: string[] }[];
      containers: { name: string; command?: string[] }[];
    }
    const cli = ['node', '/app/node_modules/prisma/build/index.js', 'migrate'];
    const imageCheck = readFileSync(path.join(root, 'deploy/bin/image-check.sh'), 'utf8');
    for (const step of ['deploy', 'status']) expect(imageCheck).toContain([...cli, step].join(' '));

    const manifests = manifestsOf('k8s/base') as unknown as {
      kind: string;
      metadata: { name: string };
      spec: { template: { spec: Pod } };
    }[];
    const commands = manifests.flatMap(({ kind, metadata, spec }) => {
      if (kind === 'Job')
        return spec.template.spec.containers.map((c) => [metadata.name, c.command?.join(' ')]);
      return (spec?.template?.spec.initContainers ?? []).map((c) => [
        `${metadata.name}/${c.name}`,
        c.command?.join(' '),
      ]);
    });
    const databases = ['concert', 'gateway', 'reservation', 'wallet'];
    expect(Object.fromEntries(commands)).toEqual(
      Object.fromEntries(
        databases.flatMap((name) => [
          [`${name}-migrate`, [...cli, 'deploy'].join(' ')],
          [`${name}/wait-for-migrations`, [...cli, 'status'].join(' ')],
        ]),
      ),
    );
  });
});

describe('the local NetworkPolicies', () => {
  interface Peer {
    podSelector?: { matchLabels?: Record<string, string> };
  }
  interface Policy {
    kind: string;
    metadata: { name: string };
    spec: {
      podSelector: { matchLabels?: Record<string, string> };
      egress?: { to?: Peer[] }[];
    };
  }
  interface Deployment {
    kind: string;
    metadata: { name: string };
    spec: {
      template: {
        spec: {
          containers: {
            env?: { valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
          }[];
        };
      };
    };
  }

  /** The infrastructure a service's Secrets name: its databases' clusters, Redis, Kafka. */
  function infrastructureRead(deployment: Deployment): string[] {
    const refs = deployment.spec.template.spec.containers.flatMap((container) =>
      (container.env ?? []).flatMap(({ valueFrom }) =>
        valueFrom?.secretKeyRef ? [valueFrom.secretKeyRef] : [],
      ),
    );
    return refs
      .flatMap(({ name, key }) => {
        if (name === 'headliner-databases') return [`postgres-${key.replace(/^reconcile-/, '')}`];
        if (name === 'headliner-redis') return ['redis'];
        if (name === 'headliner-kafka') return ['kafka'];
        return [];
      })
      .filter((peer, index, all) => all.indexOf(peer) === index)
      .sort();
  }

  /** The infrastructure the policies selecting a service's pods let it reach. */
  function infrastructureReached(policies: Policy[], service: string): string[] {
    return policies
      .filter(
        (policy) => policy.spec.podSelector.matchLabels?.['app.kubernetes.io/name'] === service,
      )
      .flatMap((policy) => policy.spec.egress ?? [])
      .flatMap((rule) => rule.to ?? [])
      .flatMap(({ podSelector }) => {
        const labels = podSelector?.matchLabels ?? {};
        if (labels['cnpg.io/cluster']) return [labels['cnpg.io/cluster']];
        if (labels['strimzi.io/cluster']) return ['kafka'];
        if (labels['app.kubernetes.io/name'] === 'redis') return ['redis'];
        return [];
      })
      .sort();
  }

  it.each(['gateway', 'queue', 'concert', 'reservation', 'wallet'])(
    'let %s reach the infrastructure its Secrets name, and nothing else',
    (service) => {
      const manifests = builds.get('k8s/overlays/local')!.manifests as unknown as (
        Policy | Deployment
      )[];
      const deployment = manifests.find(
        (m) => m.kind === 'Deployment' && m.metadata.name === service,
      ) as Deployment;
      const policies = manifests.filter((m) => m.kind === 'NetworkPolicy') as Policy[];
      expect(infrastructureReached(policies, service)).toEqual(infrastructureRead(deployment));
    },
  );
});
