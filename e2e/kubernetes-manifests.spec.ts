// Renders every Kustomize tree of deploy/k8s offline (`kubectl kustomize`, no cluster needed; where kubectl is not
// installed, e2e/support/kustomize-lite.ts, checked against kubectl wherever both run), validates each object against
// the Kubernetes API schemas (kubernetes-models, run by tools/lib/kubernetes-validate.mjs) and checks the rules of
// e2e/support/kubernetes-policy.ts, each with a broken copy showing that the rule catches it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  allowedPorts,
  disruptionBudgetViolations,
  missingReferences,
  networkPolicyViolations,
  podViolations,
  productionScaleViolations,
} from './support/kubernetes-policy';
import type { K8sObject } from './support/kubernetes-policy';
import { renderKustomization } from './support/kustomize-lite';

const repoRoot = path.resolve(__dirname, '..');
const TREES = ['deploy/k8s/base', 'deploy/k8s/overlays/dev', 'deploy/k8s/overlays/production', 'deploy/k8s/overlays/production/migrate'];
const SERVICES = ['identity', 'permissions', 'directory', 'workflow', 'inquiries', 'integrations'];

const kubectlAvailable = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
if (!kubectlAvailable) {
  console.warn(
    'kubectl is not installed: deploy/k8s is rendered by e2e/support/kustomize-lite.ts, and not compared with kubectl kustomize',
  );
}

function parseYaml(text: string): K8sObject[] {
  return parseAllDocuments(text)
    .map((document) => document.toJSON() as K8sObject | null)
    .filter((object): object is K8sObject => object !== null);
}

function renderWithKubectl(tree: string): K8sObject[] {
  return parseYaml(execFileSync('kubectl', ['kustomize', path.join(repoRoot, tree)], { encoding: 'utf8' }));
}

const render = (tree: string): K8sObject[] => (kubectlAvailable ? renderWithKubectl(tree) : renderKustomization(path.join(repoRoot, tree)));
/** Sorted by kind and name, with the content-hash suffix of generated ConfigMaps (and of references to them) cut off. */
function comparable(objects: K8sObject[]): K8sObject[] {
  let json = JSON.stringify([...objects].sort((a, b) => `${a.kind}/${a.metadata.name}`.localeCompare(`${b.kind}/${b.metadata.name}`)));
  for (const object of objects) {
    const generated = object.kind === 'ConfigMap' ? /^(.+)-[a-z0-9]{10}$/.exec(object.metadata.name) : null;
    if (generated) json = json.split(`"${object.metadata.name}"`).join(`"${generated[1]}-<hash>"`);
  }
  return JSON.parse(json) as K8sObject[];
}

/** Schema failures ({ name, errors }) of the objects, as reported by kubernetes-models. */
function schemaFailures(objects: unknown[]): Array<{ name: string; errors: string[] }> {
  const output = execFileSync(process.execPath, [path.join(repoRoot, 'tools/lib/kubernetes-validate.mjs')], {
    input: JSON.stringify(objects),
    encoding: 'utf8',
  });
  return JSON.parse(output) as Array<{ name: string; errors: string[] }>;
}

const find = (objects: K8sObject[], kind: string, name: string): K8sObject => {
  const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
  if (!found) throw new Error(`${kind}/${name} is not rendered`);
  return found;
};
const copy = (objects: K8sObject[]): K8sObject[] => structuredClone(objects);
const podLabels = (objects: K8sObject[], kind: string, name: string) => find(objects, kind, name).spec.template.metadata.labels;

describe('Kubernetes schema validation (kubernetes-models)', () => {
  it('refuses a malformed object: a string replica count, a nameless container, an unknown kind', () => {
    const failures = schemaFailures([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'broken' },
        spec: { replicas: '2', selector: {}, template: { spec: { containers: [{ image: 'x' }] } } },
      },
      { apiVersion: 'example.com/v1', kind: 'Nothing', metadata: { name: 'unknown' } },
    ]);
    expect(failures).toEqual([
      {
        name: 'Deployment/broken',
        errors: expect.arrayContaining([
          '/spec/replicas must be integer',
          expect.stringMatching(/containers\/0 must have required property name/),
        ]),
      },
      { name: 'Nothing/unknown', errors: [expect.stringMatching(/no schema/)] },
    ]);
  });
});

describe('rendering without kubectl (e2e/support/kustomize-lite.ts)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'warden-kustomize-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a kustomization field it does not know, rather than skipping it', () => {
    writeFileSync(path.join(dir, 'kustomization.yaml'), 'namePrefix: staging-\nresources: []\n');
    expect(() => renderKustomization(dir)).toThrow(/fields this renderer does not know: namePrefix/);
  });

  it('refuses a patch whose target or path does not exist', () => {
    writeFileSync(path.join(dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: "1"\n');
    const patch = (target: string, pointer: string) =>
      `resources: [cm.yaml]\npatches:\n  - target: { ${target} }\n    patch: |-\n      - op: replace\n        path: ${pointer}\n        value: 2\n`;
    writeFileSync(path.join(dir, 'kustomization.yaml'), patch('kind: Deployment', '/spec/replicas'));
    expect(() => renderKustomization(dir)).toThrow(/matches nothing/);
    writeFileSync(path.join(dir, 'kustomization.yaml'), patch('kind: ConfigMap', '/spec/replicas'));
    expect(() => renderKustomization(dir)).toThrow(/does not exist/);
  });

  it('renames a generated ConfigMap when its content changes (the pods reading it roll)', () => {
    const hashed = (value: string) => {
      writeFileSync(path.join(dir, 'kustomization.yaml'), `configMapGenerator:\n  - name: settings\n    literals: [A=${value}]\n`);
      return renderKustomization(dir)[0].metadata.name;
    };
    expect(hashed('1')).toMatch(/^settings-[0-9a-f]{10}$/);
    expect(hashed('1')).toBe(hashed('1'));
    expect(hashed('2')).not.toBe(hashed('1'));
  });
});

describe.each(TREES)('the Kustomize tree %s', (tree) => {
  let objects: K8sObject[];
  let namespace: K8sObject[]; // what the pods find in their namespace: the migrations Job runs beside the main tree
  beforeAll(() => {
    objects = render(tree);
    namespace = tree.endsWith('/migrate') ? [...objects, ...render(path.dirname(tree))] : objects;
  });

  (kubectlAvailable ? it : it.skip)('renders, without kubectl, exactly what kubectl kustomize renders', () => {
    expect(comparable(renderKustomization(path.join(repoRoot, tree)))).toEqual(comparable(objects));
  });

  it('renders objects that all validate against the Kubernetes schemas', () => {
    expect(objects.length).toBeGreaterThan(0);
    expect(schemaFailures(objects)).toEqual([]);
  });

  it('runs every pod restricted, tokenless, with resources (and probes and a spread for long-running ones)', () => {
    expect(podViolations(objects, namespace)).toEqual([]);
  });
});

describe('the dev and production overlays', () => {
  const overlays = { dev: [] as K8sObject[], production: [] as K8sObject[], migrate: [] as K8sObject[] };
  beforeAll(() => {
    overlays.dev = render('deploy/k8s/overlays/dev');
    overlays.production = render('deploy/k8s/overlays/production');
    overlays.migrate = render('deploy/k8s/overlays/production/migrate');
  });

  it.each(['dev', 'production'] as const)('%s: every Deployment and StatefulSet has a PodDisruptionBudget', (overlay) => {
    expect(disruptionBudgetViolations(overlays[overlay])).toEqual([]);
  });

  it.each(['dev', 'production'] as const)('%s: every pod is under NetworkPolicies for ingress and egress', (overlay) => {
    const objects = overlays[overlay];
    expect(networkPolicyViolations(objects)).toEqual([]);
    // The gateway takes HTTP (and scrapes); the services only scrapes, and reach only NATS, PostgreSQL and DNS
    // (integrations also HTTPS: it delivers webhooks).
    expect(allowedPorts(objects, podLabels(objects, 'Deployment', 'warden-gateway'), 'ingress')).toEqual([3000, 9464]);
    for (const service of SERVICES) {
      const labels = podLabels(objects, 'Deployment', `warden-${service}`);
      expect(allowedPorts(objects, labels, 'ingress')).toEqual([9464]);
      expect(allowedPorts(objects, labels, 'egress')).toEqual(service === 'integrations' ? [53, 443, 4222, 5432] : [53, 4222, 5432]);
    }
    // NATS takes clients only from warden pods: its client-port rule names them.
    const nats = find(objects, 'NetworkPolicy', 'warden-nats');
    const clientRule = nats.spec.ingress.find((rule: { ports: Array<{ port: number }> }) => rule.ports.some((port) => port.port === 4222));
    expect(clientRule.from).toEqual([{ podSelector: { matchLabels: { 'app.kubernetes.io/part-of': 'warden' } } }]);
  });

  it.each(['dev', 'production'] as const)('%s: every ConfigMap and Secret a pod reads is part of the overlay', (overlay) => {
    expect(missingReferences(overlays[overlay])).toEqual([]);
  });

  it('production: two replicas or more of every Deployment, each with an autoscaler', () => {
    expect(productionScaleViolations(overlays.production)).toEqual([]);
  });

  it('production: a three-node NATS cluster with routes to each node, and the event stream with 3 replicas', () => {
    const objects = overlays.production;
    const nats = find(objects, 'StatefulSet', 'warden-nats');
    expect(nats.spec.replicas).toBe(3);
    expect(nats.spec.template.spec.topologySpreadConstraints[0]).toMatchObject({
      topologyKey: 'kubernetes.io/hostname',
      whenUnsatisfiable: 'DoNotSchedule',
    });
    const configName = nats.spec.template.spec.volumes[0].projected.sources[0].configMap.name as string;
    const config = find(objects, 'ConfigMap', configName).data!['nats.conf'];
    expect(config).toMatch(/cluster \{/);
    for (const index of [0, 1, 2]) expect(config).toContain(`nats://warden-nats-${index}.${nats.spec.serviceName}:6222`);
    expect(config).toContain('include ./auth.conf');
    expect(find(objects, 'ConfigMap', 'warden-config').data).toMatchObject({ NATS_STREAM_REPLICAS: '3', NATS_URL: 'nats://nats:4222' });
    expect(find(objects, 'Namespace', 'warden').metadata.labels).toMatchObject({ 'pod-security.kubernetes.io/enforce': 'restricted' });
  });

  it('dev: one NATS server without cluster routes, and a stream with 1 replica', () => {
    const objects = overlays.dev;
    expect(find(objects, 'StatefulSet', 'warden-nats').spec.replicas).toBe(1);
    const config = objects.find((object) => object.kind === 'ConfigMap' && object.metadata.name.startsWith('warden-nats-config'))!;
    expect(config.data!['nats.conf']).not.toMatch(/cluster \{/);
    expect(find(objects, 'ConfigMap', 'warden-config').data).toMatchObject({ NATS_STREAM_REPLICAS: '1', NODE_ENV: 'development' });
  });

  it('probes the five services by a NATS health request from the image, run as their own NATS user', () => {
    const dockerfile = readFileSync(path.join(repoRoot, 'deploy/Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/COPY --from=build \/app\/tools\/healthcheck\.mjs \.\/tools\/healthcheck\.mjs/);
    for (const service of SERVICES) {
      const container = find(overlays.production, 'Deployment', `warden-${service}`).spec.template.spec.containers[0];
      for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
        expect(container[probe].exec.command).toEqual(['node', 'tools/healthcheck.mjs']);
      }
      expect(container.env).toContainEqual({ name: 'SERVICE', value: service });
      expect(container.envFrom).toContainEqual({ secretRef: { name: `warden-${service}-nats` } });
    }
  });

  it('production migrate: one Job migrating every service with its own database role, same namespace and image', () => {
    const [job, ...others] = overlays.migrate;
    expect(others).toEqual([]);
    expect(job).toMatchObject({ kind: 'Job', metadata: { name: 'warden-migrate', namespace: 'warden' } });
    const containers = job.spec.template.spec.containers as Array<{ name: string; image: string; command: string[]; env: unknown[] }>;
    expect(containers.map((container) => container.name)).toEqual(SERVICES);
    const image = find(overlays.production, 'Deployment', 'warden-gateway').spec.template.spec.containers[0].image as string;
    expect(image).not.toMatch(/:latest$/);
    for (const container of containers) {
      expect(container.image).toBe(image);
      expect(container.command).toEqual(['node', '--enable-source-maps', `dist/services/${container.name}/src/main.js`, 'migrate']);
      expect(container.env).toContainEqual({
        name: 'DATABASE_URL',
        valueFrom: { secretKeyRef: { name: `warden-${container.name}-database`, key: 'DATABASE_URL' } },
      });
    }
    // It reads the Secrets and the ConfigMap the production overlay creates in the same namespace.
    expect(missingReferences(overlays.migrate, overlays.production)).toEqual([]);
  });

  describe('catches a broken manifest', () => {
    it('a Deployment without probes, seccomp, non-root, resources or spread, or with a mounted token', () => {
      const objects = copy(overlays.production);
      const pod = find(objects, 'Deployment', 'warden-workflow').spec.template.spec;
      delete pod.containers[0].livenessProbe;
      delete pod.containers[0].resources.requests;
      delete pod.securityContext.seccompProfile;
      pod.securityContext.runAsNonRoot = false;
      pod.automountServiceAccountToken = true;
      delete pod.topologySpreadConstraints;
      pod.containers[0].securityContext.readOnlyRootFilesystem = false;
      expect(podViolations(objects)).toEqual([
        'Deployment/warden-workflow: automountServiceAccountToken is not false',
        'Deployment/warden-workflow: runAsNonRoot is not true',
        'Deployment/warden-workflow: seccompProfile is not RuntimeDefault',
        'Deployment/warden-workflow: no topologySpreadConstraints',
        'Deployment/warden-workflow container workflow: root filesystem is not read-only',
        'Deployment/warden-workflow container workflow: no cpu/memory requests',
        'Deployment/warden-workflow container workflow: no livenessProbe',
      ]);
    });

    it('a Deployment without a PodDisruptionBudget or an autoscaler, or with one replica', () => {
      const objects = copy(overlays.production).filter(
        (object) =>
          !(['PodDisruptionBudget', 'HorizontalPodAutoscaler'].includes(object.kind) && object.metadata.name === 'warden-inquiries'),
      );
      find(objects, 'Deployment', 'warden-identity').spec.replicas = 1;
      expect(disruptionBudgetViolations(objects)).toEqual(['Deployment/warden-inquiries: no PodDisruptionBudget selects its pods']);
      expect(productionScaleViolations(objects)).toEqual([
        'Deployment/warden-identity: fewer than 2 replicas',
        'Deployment/warden-inquiries: no HorizontalPodAutoscaler',
      ]);
    });

    it('a pod no NetworkPolicy covers, and a Secret that is not rendered', () => {
      const objects = copy(overlays.production).filter(
        (object) =>
          !(object.kind === 'NetworkPolicy' && object.metadata.name === 'warden-services') &&
          !(object.kind === 'Secret' && object.metadata.name === 'warden-jwt'),
      );
      expect(networkPolicyViolations(objects).sort()).toEqual(
        SERVICES.flatMap((service) => [
          // integrations keeps its own egress policy (webhook deliveries).
          ...(service === 'integrations' ? [] : [`Deployment/warden-${service}: no NetworkPolicy restricts its egress`]),
          `Deployment/warden-${service}: no NetworkPolicy restricts its ingress`,
        ]).sort(),
      );
      expect(missingReferences(objects)).toEqual([
        'Deployment/warden-gateway: Secret warden-jwt is not in the tree',
        'Deployment/warden-identity: Secret warden-jwt is not in the tree',
      ]);
    });
  });
});
