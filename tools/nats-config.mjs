#!/usr/bin/env node
// `npm run nats:config`: writes the NATS users and permissions of a deployment without a subject prefix, with each
// password taken by nats-server from its environment (NATS_PASSWORD_<USER>), for Compose (deploy/nats/auth.conf)
// and Kustomize (deploy/k8s/base/nats-auth.conf). Rerun it after changing who calls whom (libs/contracts/src/bus-access.ts);
// a spec fails while the files are stale.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build, repoRoot } from './build.mjs';
import { loadInfra } from './lib/services.mjs';

await build({ quiet: true });
const { DEPLOYED_NATS_AUTH_FILES, renderDeployedNatsAuthConfig } = loadInfra();
for (const file of DEPLOYED_NATS_AUTH_FILES) {
  await writeFile(path.join(repoRoot, file), renderDeployedNatsAuthConfig());
  console.log(`wrote ${file}`);
}
