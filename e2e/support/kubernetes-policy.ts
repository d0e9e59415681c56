// The rules every rendered Kustomize overlay of deploy/k8s must keep (checked by e2e/kubernetes-manifests.spec.ts):
// each returns human-readable violations, so a broken manifest fails with what is wrong and where.

/** A Kubernetes object as rendered (plain JSON); only the fields the rules read are typed. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: any; // rendered YAML, read field by field below
  data?: Record<string, string>;
  automountServiceAccountToken?: boolean;
}

type Labels = Record<string, string>;
interface LabelSelector {
  matchLabels?: Labels;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

/** Does a label selector select these labels (In, NotIn, Exists, DoesNotExist)? An empty selector selects all. */
export function selects(selector: LabelSelector | undefined, labels: Labels = {}): boolean {
  if (!selector) return false;
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const byExpressions = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    if (operator === 'In') return values.includes(labels[key]);
    if (operator === 'NotIn') return !values.includes(labels[key]);
    if (operator === 'Exists') return key in labels;
    return !(key in labels);
  });
  return byLabels && byExpressions;
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'Job']);
const isWorkload = (object: K8sObject): boolean => WORKLOAD_KINDS.has(object.kind);
const id = (object: K8sObject): string => `${object.kind}/${object.metadata.name}`;
const ofKind = (objects: K8sObject[], kind: string): K8sObject[] => objects.filter((object) => object.kind === kind);

/**
 * Every pod (Deployment, StatefulSet, Job): Pod Security "restricted" (non-root, seccomp RuntimeDefault, no
 * privilege escalation, every capability dropped), a read-only root filesystem, resource requests and a memory
 * limit, no service-account token; long-running pods also liveness, readiness and startup probes and a topology
 * spread. `available`: the objects already in the namespace (the main tree, for the migrations Job's).
 */
export function podViolations(objects: K8sObject[], available: K8sObject[] = objects): string[] {
  const violations: string[] = [];
  for (const workload of objects.filter(isWorkload)) {
    const pod = workload.spec?.template?.spec ?? {};
    const where = id(workload);
    if (pod.automountServiceAccountToken !== false) violations.push(`${where}: automountServiceAccountToken is not false`);
    if (pod.securityContext?.runAsNonRoot !== true) violations.push(`${where}: runAsNonRoot is not true`);
    if (pod.securityContext?.seccompProfile?.type !== 'RuntimeDefault') violations.push(`${where}: seccompProfile is not RuntimeDefault`);
    const longRunning = workload.kind !== 'Job';
    if (longRunning && !(pod.topologySpreadConstraints?.length > 0)) violations.push(`${where}: no topologySpreadConstraints`);
    for (const container of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
      const at = `${where} container ${container.name}`;
      const security = container.securityContext ?? {};
      if (security.allowPrivilegeEscalation !== false) violations.push(`${at}: allowPrivilegeEscalation is not false`);
      if (security.readOnlyRootFilesystem !== true) violations.push(`${at}: root filesystem is not read-only`);
      if (!(security.capabilities?.drop ?? []).includes('ALL')) violations.push(`${at}: capabilities are not all dropped`);
      if (!container.resources?.requests?.cpu || !container.resources?.requests?.memory) violations.push(`${at}: no cpu/memory requests`);
      if (!container.resources?.limits?.memory) violations.push(`${at}: no memory limit`);
      if (longRunning) {
        for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
          if (!container[probe]) violations.push(`${at}: no ${probe}`);
        }
      }
    }
    const accountName = pod.serviceAccountName ?? 'default';
    const account = ofKind(available, 'ServiceAccount').find((candidate) => candidate.metadata.name === accountName);
    if (!account) violations.push(`${where}: ServiceAccount ${accountName} is not part of the tree`);
    else if (account.automountServiceAccountToken !== false)
      violations.push(`ServiceAccount/${accountName}: automountServiceAccountToken is not false`);
  }
  return violations;
}

/** Every Deployment and StatefulSet has a PodDisruptionBudget selecting its pods. */
export function disruptionBudgetViolations(objects: K8sObject[]): string[] {
  const budgets = ofKind(objects, 'PodDisruptionBudget');
  return objects
    .filter((object) => object.kind === 'Deployment' || object.kind === 'StatefulSet')
    .filter((workload) => !budgets.some((budget) => selects(budget.spec?.selector, workload.spec?.template?.metadata?.labels)))
    .map((workload) => `${id(workload)}: no PodDisruptionBudget selects its pods`);
}

/** Every pod is selected by a NetworkPolicy restricting both its ingress and its egress. */
export function networkPolicyViolations(objects: K8sObject[]): string[] {
  const policies = ofKind(objects, 'NetworkPolicy');
  const restricting = (direction: string) => (labels: Labels) =>
    policies.some((policy) => (policy.spec?.policyTypes ?? []).includes(direction) && selects(policy.spec?.podSelector, labels));
  const violations: string[] = [];
  for (const workload of objects.filter(isWorkload)) {
    const labels = workload.spec?.template?.metadata?.labels;
    if (!restricting('Ingress')(labels)) violations.push(`${id(workload)}: no NetworkPolicy restricts its ingress`);
    if (!restricting('Egress')(labels)) violations.push(`${id(workload)}: no NetworkPolicy restricts its egress`);
  }
  return violations;
}

/** The TCP/UDP ports a pod may receive on, or send to, under the policies selecting it. */
export function allowedPorts(objects: K8sObject[], labels: Labels, direction: 'ingress' | 'egress'): number[] {
  const ports = ofKind(objects, 'NetworkPolicy')
    .filter((policy) => selects(policy.spec?.podSelector, labels))
    .flatMap((policy) => (policy.spec?.[direction] ?? []) as Array<{ ports?: Array<{ port: number }> }>)
    .flatMap((rule) => (rule.ports ?? []).map((port) => port.port));
  return [...new Set(ports)].sort((a, b) => a - b);
}

/** Production: every Deployment starts with two replicas or more and has an autoscaler that never goes below two. */
export function productionScaleViolations(objects: K8sObject[]): string[] {
  const autoscalers = ofKind(objects, 'HorizontalPodAutoscaler');
  const violations: string[] = [];
  for (const deployment of ofKind(objects, 'Deployment')) {
    if (!((deployment.spec?.replicas ?? 1) >= 2)) violations.push(`${id(deployment)}: fewer than 2 replicas`);
    const autoscaler = autoscalers.find(
      (candidate) =>
        candidate.spec?.scaleTargetRef?.kind === 'Deployment' && candidate.spec?.scaleTargetRef?.name === deployment.metadata.name,
    );
    if (!autoscaler) violations.push(`${id(deployment)}: no HorizontalPodAutoscaler`);
    else if (!(autoscaler.spec?.minReplicas >= 2)) violations.push(`${id(autoscaler)}: minReplicas below 2`);
  }
  return violations;
}

/** ConfigMaps and Secrets the pods read (env, envFrom, volumes) that the rendered tree does not hold. */
export function missingReferences(objects: K8sObject[], available: K8sObject[] = objects): string[] {
  const names = (kind: string) => new Set(ofKind(available, kind).map((object) => object.metadata.name));
  const configMaps = names('ConfigMap');
  const secrets = names('Secret');
  const missing: string[] = [];
  for (const workload of objects.filter(isWorkload)) {
    const pod = workload.spec?.template?.spec ?? {};
    const need = (kind: 'ConfigMap' | 'Secret', name: string | undefined) => {
      if (name && !(kind === 'ConfigMap' ? configMaps : secrets).has(name))
        missing.push(`${id(workload)}: ${kind} ${name} is not in the tree`);
    };
    for (const container of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
      for (const source of container.envFrom ?? []) {
        need('ConfigMap', source.configMapRef?.name);
        need('Secret', source.secretRef?.name);
      }
      for (const variable of container.env ?? []) {
        need('ConfigMap', variable.valueFrom?.configMapKeyRef?.name);
        need('Secret', variable.valueFrom?.secretKeyRef?.name);
      }
    }
    for (const volume of pod.volumes ?? []) {
      need('ConfigMap', volume.configMap?.name);
      need('Secret', volume.secret?.secretName);
      for (const source of volume.projected?.sources ?? []) {
        need('ConfigMap', source.configMap?.name);
        need('Secret', source.secret?.name);
      }
    }
  }
  return missing;
}
