#!/usr/bin/env node
// Validates Kubernetes objects against the API schemas of the npm package kubernetes-models (ES modules only, so
// this runs as its own process: Jest's CommonJS runtime cannot load it). Input on stdin: a JSON array of objects.
// Output on stdout: a JSON array of { name, errors } for every object that fails, or whose kind has no schema.
import { readFileSync } from 'node:fs';

/** `apps/v1` -> kubernetes-models/apps/v1, `v1` -> kubernetes-models/v1 (the core group). */
async function modelClass(apiVersion, kind) {
  try {
    const models = await import(`kubernetes-models/${apiVersion}`);
    return models[kind];
  } catch {
    return undefined;
  }
}

const objects = JSON.parse(readFileSync(0, 'utf8'));
const failures = [];
for (const object of objects) {
  const name = `${object.kind ?? '?'}/${object.metadata?.name ?? '?'}`;
  const Model = object.apiVersion && object.kind ? await modelClass(object.apiVersion, object.kind) : undefined;
  if (!Model) {
    failures.push({ name, errors: [`no schema for apiVersion ${object.apiVersion}, kind ${object.kind}`] });
    continue;
  }
  try {
    new Model(object).validate();
  } catch (error) {
    const details = Array.isArray(error.errors) ? error.errors.map((e) => `${e.instancePath || '/'} ${e.message}`) : [error.message];
    failures.push({ name, errors: details });
  }
}
process.stdout.write(JSON.stringify(failures));
