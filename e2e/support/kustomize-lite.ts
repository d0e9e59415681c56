// A renderer for the Kustomize features deploy/k8s uses, so that its tests render the overlays where kubectl (with
// its built-in Kustomize) is not installed. e2e/kubernetes-manifests.spec.ts checks that it renders exactly what
// `kubectl kustomize` renders wherever kubectl is present. Any kustomization field it does not know is an error,
// never silently skipped.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import type { K8sObject } from './kubernetes-policy';

interface Kustomization {
  apiVersion?: string;
  kind?: string;
  namespace?: string;
  resources?: string[];
  labels?: Array<{ pairs: Record<string, string>; includeSelectors?: boolean; includeTemplates?: boolean }>;
  configMapGenerator?: Array<{
    name: string;
    behavior?: 'create' | 'merge' | 'replace';
    files?: string[];
    literals?: string[];
    options?: { disableNameSuffixHash?: boolean };
  }>;
  patches?: Array<{ target: { kind?: string; name?: string }; patch: string }>;
  images?: Array<{ name: string; newName?: string; newTag?: string }>;
}

const KNOWN_FIELDS = new Set(['apiVersion', 'kind', 'namespace', 'resources', 'labels', 'configMapGenerator', 'patches', 'images']);
const CLUSTER_SCOPED = new Set(['Namespace']);
const POD_TEMPLATE_KINDS = new Set(['Deployment', 'StatefulSet', 'Job']);

/** An object plus whether its final name gets Kustomize's content-hash suffix (generated ConfigMaps). */
interface Item {
  object: K8sObject;
  hashed: boolean;
}

/**
 * The name suffix of a generated ConfigMap: derived from its name and content, so that a change of content renames
 * it and rolls the pods that read it, as Kustomize does (whose digits differ; the specs compare names without it).
 */
export function configMapHash(name: string, data: Record<string, string>): string {
  const sorted = Object.fromEntries(Object.entries(data).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return createHash('sha256')
    .update(JSON.stringify({ data: sorted, kind: 'ConfigMap', name }))
    .digest('hex')
    .slice(0, 10);
}

function applyJsonPatch(target: K8sObject, operations: Array<{ op: string; path: string; value?: unknown }>): void {
  for (const { op, path: pointer, value } of operations) {
    const keys = pointer
      .split('/')
      .slice(1)
      .map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = keys.pop()!;
    let parent: any = target; // walking arbitrary YAML
    for (const key of keys) {
      if (parent?.[key] === undefined) throw new Error(`patch path ${pointer} does not exist in ${target.kind}/${target.metadata.name}`);
      parent = parent[key];
    }
    if (op === 'replace' || op === 'add') {
      if (op === 'replace' && parent[last] === undefined) throw new Error(`patch path ${pointer} does not exist`);
      if (Array.isArray(parent) && op === 'add') parent.splice(last === '-' ? parent.length : Number(last), 0, structuredClone(value));
      else parent[last] = structuredClone(value);
    } else if (op === 'remove') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else {
      throw new Error(`unsupported patch operation ${op}`);
    }
  }
}

function containersOf(object: K8sObject): Array<{ image?: string }> {
  const pod = object.spec?.template?.spec;
  return pod ? [...(pod.initContainers ?? []), ...(pod.containers ?? [])] : [];
}

function generate(directory: string, generator: NonNullable<Kustomization['configMapGenerator']>[number]): Record<string, string> {
  const data: Record<string, string> = {};
  for (const file of generator.files ?? []) {
    const [key, source] = file.includes('=') ? file.split('=', 2) : [path.basename(file), file];
    data[key] = readFileSync(path.join(directory, source), 'utf8');
  }
  for (const literal of generator.literals ?? []) {
    const at = literal.indexOf('=');
    data[literal.slice(0, at)] = literal.slice(at + 1);
  }
  return data;
}

/** One kustomization directory, before the generated names get their hash (that happens once, at the top). */
function build(directory: string): Item[] {
  const kustomization = parse(readFileSync(path.join(directory, 'kustomization.yaml'), 'utf8')) as Kustomization;
  const unknown = Object.keys(kustomization).filter((field) => !KNOWN_FIELDS.has(field));
  if (unknown.length > 0) throw new Error(`${directory}/kustomization.yaml: fields this renderer does not know: ${unknown.join(', ')}`);

  const items: Item[] = [];
  for (const resource of kustomization.resources ?? []) {
    const location = path.join(directory, resource);
    if (statSync(location).isDirectory()) items.push(...build(location));
    else {
      for (const document of parseAllDocuments(readFileSync(location, 'utf8'))) {
        const object = document.toJSON() as K8sObject | null;
        if (object) items.push({ object, hashed: false });
      }
    }
  }
  for (const generator of kustomization.configMapGenerator ?? []) {
    const data = generate(directory, generator);
    const existing = items.find((item) => item.object.kind === 'ConfigMap' && item.object.metadata.name === generator.name);
    const behavior = generator.behavior ?? 'create';
    if (behavior === 'create') {
      if (existing) throw new Error(`ConfigMap ${generator.name} exists already`);
      items.push({
        object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: generator.name }, data },
        hashed: !generator.options?.disableNameSuffixHash,
      });
    } else {
      if (!existing) throw new Error(`ConfigMap ${generator.name} to ${behavior} is not in the resources`);
      existing.object.data = behavior === 'merge' ? { ...existing.object.data, ...data } : data;
    }
  }
  for (const { pairs, includeSelectors, includeTemplates } of kustomization.labels ?? []) {
    if (includeSelectors) throw new Error('labels with includeSelectors are not supported');
    for (const { object } of items) {
      object.metadata.labels = { ...object.metadata.labels, ...pairs };
      if (includeTemplates && POD_TEMPLATE_KINDS.has(object.kind)) {
        object.spec.template.metadata = {
          ...object.spec.template.metadata,
          labels: { ...object.spec.template.metadata?.labels, ...pairs },
        };
      }
      if (includeTemplates && object.kind === 'StatefulSet') {
        for (const claim of object.spec.volumeClaimTemplates ?? [])
          claim.metadata = { ...claim.metadata, labels: { ...claim.metadata?.labels, ...pairs } };
      }
    }
  }
  for (const { target, patch } of kustomization.patches ?? []) {
    const matching = items.filter(
      ({ object }) => (!target.kind || object.kind === target.kind) && (!target.name || object.metadata.name === target.name),
    );
    if (matching.length === 0) throw new Error(`patch target ${JSON.stringify(target)} matches nothing`);
    for (const { object } of matching) applyJsonPatch(object, parse(patch) as Array<{ op: string; path: string; value?: unknown }>);
  }
  for (const image of kustomization.images ?? []) {
    for (const { object } of items) {
      for (const container of containersOf(object)) {
        const reference = container.image ?? '';
        const colon = reference.lastIndexOf(':');
        const [name, tag] =
          colon > reference.lastIndexOf('/') ? [reference.slice(0, colon), reference.slice(colon + 1)] : [reference, undefined];
        if (name !== image.name) continue;
        const newTag = image.newTag ?? tag;
        container.image = `${image.newName ?? name}${newTag ? `:${newTag}` : ''}`;
      }
    }
  }
  if (kustomization.namespace) {
    for (const { object } of items) {
      if (!CLUSTER_SCOPED.has(object.kind)) object.metadata.namespace = kustomization.namespace;
    }
  }
  return items;
}

/** Renders a kustomization directory like `kubectl kustomize` does (same objects but for the generated names' suffix; the order may differ). */
export function renderKustomization(directory: string): K8sObject[] {
  const items = build(directory);
  const renamed = new Map<string, string>();
  for (const item of items.filter((candidate) => candidate.hashed)) {
    const { name } = item.object.metadata;
    item.object.metadata.name = `${name}-${configMapHash(name, item.object.data ?? {})}`;
    renamed.set(name, item.object.metadata.name);
  }
  const rename = (name: string | undefined) => (name && renamed.get(name)) ?? name;
  for (const { object } of items) {
    const pod = object.spec?.template?.spec;
    if (!pod) continue;
    for (const container of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
      for (const source of container.envFrom ?? []) if (source.configMapRef) source.configMapRef.name = rename(source.configMapRef.name);
      for (const variable of container.env ?? []) {
        const reference = variable.valueFrom?.configMapKeyRef;
        if (reference) reference.name = rename(reference.name);
      }
    }
    for (const volume of pod.volumes ?? []) {
      if (volume.configMap) volume.configMap.name = rename(volume.configMap.name);
      for (const source of volume.projected?.sources ?? []) if (source.configMap) source.configMap.name = rename(source.configMap.name);
    }
  }
  return items.map((item) => item.object);
}
