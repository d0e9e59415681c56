#!/usr/bin/env node
// `npm run client:generate`: writes the gateway's OpenAPI document to libs/client/openapi.json and the
// TypeScript types of libs/client (libs/client/src/warden-api.d.ts) generated from it by openapi-typescript.
// The document comes from the gateway application itself (built, not started: no port, no services), which
// needs a NATS connection, found or started as `npm test` does. `--check` writes nothing and fails when the
// committed files differ from what the code generates now.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, distDir, repoRoot } from './build.mjs';

const require = createRequire(import.meta.url);
const check = process.argv.includes('--check');
const documentFile = path.join(repoRoot, 'libs/client/openapi.json');
const typesFile = path.join(repoRoot, 'libs/client/src/warden-api.d.ts');
const log = (line) => process.stdout.write(`[client] ${line}\n`);

/** The document as /docs-json serves it, from the gateway application built in this process. */
export async function generateOpenApiDocument() {
  await build({ quiet: true });
  require('reflect-metadata');
  const infra = require(path.join(distDir, 'libs/infra/src/index.js'));
  // The NATS it finds or starts has users whose permissions honour this prefix; the gateway connects as its own.
  const subjectPrefix = `client_generate_${randomBytes(3).toString('hex')}`;
  process.env.NATS_SUBJECT_PREFIX = subjectPrefix; // stream and bucket names read it (libs/contracts/src/subjects.ts)
  const discovered = await infra.discoverInfrastructure({
    purpose: 'test',
    log,
    env: { ...process.env, NATS_SUBJECT_PREFIX: subjectPrefix },
  });
  try {
    const { createGatewayApp, buildOpenApiDocument, GatewayEnv } = require(path.join(distDir, 'services/gateway/src/index.js'));
    const env = Object.assign(new GatewayEnv(), {
      DATABASE_URL: discovered.databaseUrl,
      NATS_URL: discovered.natsUrl,
      NATS_SUBJECT_PREFIX: subjectPrefix,
      ...(discovered.natsCredentialsFile ? { NATS_CREDENTIALS_FILE: discovered.natsCredentialsFile } : {}),
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'silent',
      NODE_ENV: 'development',
    });
    const app = await createGatewayApp(env);
    try {
      return buildOpenApiDocument(app);
    } finally {
      await app.close();
    }
  } finally {
    await discovered.stop();
  }
}

/** openapi-typescript's output for a document, exactly as its CLI writes it (the tool frontend teams run). */
export async function generateTypes(documentText) {
  const dir = await mkdtemp(path.join(tmpdir(), 'warden-client-'));
  try {
    const input = path.join(dir, 'openapi.json');
    const output = path.join(dir, 'warden-api.d.ts');
    await writeFile(input, documentText);
    const cli = path.join(path.dirname(require.resolve('openapi-typescript/package.json')), 'bin/cli.js');
    const run = spawnSync(process.execPath, [cli, input, '--output', output], { cwd: dir, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`openapi-typescript failed: ${run.stderr || run.stdout}`);
    return await readFile(output, 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const documentText = `${JSON.stringify(await generateOpenApiDocument(), null, 2)}\n`;
  const types = await generateTypes(documentText);
  if (check) {
    const stale = [];
    if ((await readFile(documentFile, 'utf8').catch(() => '')) !== documentText) stale.push(path.relative(repoRoot, documentFile));
    if ((await readFile(typesFile, 'utf8').catch(() => '')) !== types) stale.push(path.relative(repoRoot, typesFile));
    if (stale.length > 0) {
      log(`stale: ${stale.join(', ')}; run npm run client:generate`);
      process.exit(1);
    }
    log('libs/client is up to date');
  } else {
    await writeFile(documentFile, documentText);
    await writeFile(typesFile, types);
    log(`wrote ${path.relative(repoRoot, documentFile)} and ${path.relative(repoRoot, typesFile)}`);
  }
  process.exit(0);
}
