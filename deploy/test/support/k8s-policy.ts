// The rules every workload of the cluster layout keeps, checked on `kustomize build`'s output.
// Each violation names the workload and the rule, so a failing test says what to fix.

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  [field: string]: unknown;
}

interface Container {
  name: string;
  image?: string;
  readinessProbe?: unknown;
  livenessProbe?: unknown;
  resources?: { requests?: { cpu?: string; memory?: string }; limits?: { memory?: string } };
  securityContext?: {
    runAsNonRoot?: boolean;
    allowPrivilegeEscalation?: boolean;
    readOnlyRootFilesystem?: boolean;
  };
  volumeMounts?: { name: string; mountPath: string }[];
  env?: { name: string; valueFrom?: { secretKeyRef?: SecretKeyRef } }[];
}
interface SecretKeyRef {
  name: string;
  key: string;
  optional?: boolean;
}
interface PodSpec {
  automountServiceAccountToken?: boolean;
  securityContext?: { runAsNonRoot?: boolean };
  initContainers?: Container[];
  containers: Container[];
}
interface PodTemplate {
  metadata?: { labels?: Record<string, string> };
  spec: PodSpec;
}
interface Selector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

const workloadKinds = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job']);
/** Jobs run to completion: probes would only restart a migration halfway. */
const probedKinds = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

export const workloadsOf = (manifests: Manifest[]) =>
  manifests.filter((manifest) => workloadKinds.has(manifest.kind));

const templateOf = (workload: Manifest) => (workload.spec as { template: PodTemplate }).template;

/** A pinned image names a version or a digest: never none, never latest. */
export function isPinned(image: string | undefined): boolean {
  if (!image) return false;
  if (/@sha256:[0-9a-f]{64}$/.test(image)) return true;
  const tag = /:([^/:]+)$/.exec(image)?.[1];
  return tag !== undefined && tag !== 'latest';
}

function matches(selector: Selector, labels: Record<string, string>): boolean {
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpression = (selector.matchExpressions ?? []).every(({ key, operator, values }) => {
    if (operator === 'Exists') return key in labels;
    if (operator === 'DoesNotExist') return !(key in labels);
    if (operator === 'In') return (values ?? []).includes(labels[key]);
    return !(values ?? []).includes(labels[key]);
  });
  return byLabel && byExpression;
}

const isEmpty = (selector: Selector) =>
  Object.keys(selector.matchLabels ?? {}).length === 0 &&
  (selector.matchExpressions ?? []).length === 0;

/** The violations of one build's workloads; empty when every rule holds. */
export function policyViolations(manifests: Manifest[]): string[] {
  const policies = manifests.filter((manifest) => manifest.kind === 'NetworkPolicy');
  const selectorOf = (policy: Manifest) => (policy.spec as { podSelector: Selector }).podSelector;
  const policyTypesOf = (policy: Manifest) =>
    (policy.spec as { policyTypes?: string[] }).policyTypes ?? [];
  const denyAll = policies.some(
    (policy) =>
      isEmpty(selectorOf(policy)) &&
      ['Ingress', 'Egress'].every((type) => policyTypesOf(policy).includes(type)),
  );
  const violations: string[] = denyAll
    ? []
    : ['no default-deny NetworkPolicy (Ingress and Egress)'];

  for (const workload of workloadsOf(manifests)) {
    const name = `${workload.kind} ${workload.metadata.name}`;
    const template = templateOf(workload);
    const labels = template.metadata?.labels ?? {};
    const pod = template.spec;
    if (pod.automountServiceAccountToken !== false)
      violations.push(`${name}: automountServiceAccountToken is not false`);
    const covered = policies.some(
      (policy) => !isEmpty(selectorOf(policy)) && matches(selectorOf(policy), labels),
    );
    if (!covered) violations.push(`${name}: no NetworkPolicy selects its pods`);
    for (const container of [...(pod.initContainers ?? []), ...pod.containers]) {
      const where = `${name} container ${container.name}`;
      const isInit = (pod.initContainers ?? []).includes(container);
      if (!isPinned(container.image))
        violations.push(`${where}: image ${container.image ?? '(none)'} is not pinned`);
      if (!isInit && probedKinds.has(workload.kind)) {
        if (!container.readinessProbe) violations.push(`${where}: no readinessProbe`);
        if (!container.livenessProbe) violations.push(`${where}: no livenessProbe`);
      }
      const { requests, limits } = container.resources ?? {};
      if (!requests?.cpu || !requests.memory || !limits?.memory)
        violations.push(`${where}: needs requests.cpu, requests.memory and limits.memory`);
      if (!(container.securityContext?.runAsNonRoot ?? pod.securityContext?.runAsNonRoot))
        violations.push(`${where}: may run as root (runAsNonRoot is not true)`);
      if (container.securityContext?.allowPrivilegeEscalation !== false)
        violations.push(`${where}: allowPrivilegeEscalation is not false`);
      if (container.securityContext?.readOnlyRootFilesystem !== true)
        violations.push(`${where}: readOnlyRootFilesystem is not true`);
      // Our images set HOME=/tmp, and the Prisma CLI writes there.
      const ours = container.image?.startsWith('headliner/') ?? false;
      if (ours && !container.volumeMounts?.some((mount) => mount.mountPath === '/tmp'))
        violations.push(`${where}: no writable /tmp (a volume mounted there)`);
    }
  }
  return violations;
}

/** Every Secret key the workloads read that `secrets` lacks (optional keys included). */
export function missingSecretKeys(manifests: Manifest[], secrets: Manifest[]): string[] {
  const keys = new Set(
    secrets.flatMap((secret) =>
      Object.keys({ ...(secret.stringData as object), ...(secret.data as object) }).map(
        (key) => `${secret.metadata.name}/${key}`,
      ),
    ),
  );
  const read = workloadsOf(manifests).flatMap((workload) => {
    const pod = templateOf(workload).spec;
    return [...(pod.initContainers ?? []), ...pod.containers].flatMap((container) =>
      (container.env ?? []).flatMap(({ valueFrom }) =>
        valueFrom?.secretKeyRef
          ? [`${valueFrom.secretKeyRef.name}/${valueFrom.secretKeyRef.key}`]
          : [],
      ),
    );
  });
  return [...new Set(read)].filter((key) => !keys.has(key)).sort();
}
