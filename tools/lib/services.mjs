// What tools/start.mjs and tools/migrate.mjs share: where the compiled services are, how to run one as a child
// process with prefixed output, and how to load the compiled infra lib.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { distDir, repoRoot } from '../build.mjs';
import { formatLine, prefix } from './log-format.mjs';

export { repoRoot };
export const dataDir = path.join(repoRoot, '.data');
const require = createRequire(import.meta.url);

/** The compiled @warden/infra (CommonJS). Call after build(). */
export const loadInfra = () => require(path.join(distDir, 'libs/infra/src/index.js'));

/** The services that own data, in migration order; the list lives in @warden/contracts. Call after build(). */
export function backendServices() {
  require('reflect-metadata'); // the contracts' DTO decorators need it loaded first
  return [...require(path.join(distDir, 'libs/contracts/src/index.js')).SERVICE_NAMES];
}

export const serviceEntry = (service) => path.join(distDir, 'services', service, 'src', 'main.js');

/** Throws, naming them, when services have no compiled entry point. */
export function assertBuilt(services) {
  const missing = services.filter((service) => !existsSync(serviceEntry(service)));
  if (missing.length > 0) {
    throw new Error(`no compiled entry point for ${missing.join(', ')} (expected services/<name>/src/main.ts)`);
  }
}

/** Prints a line from the tools themselves, in the same layout as the services' lines. */
export const say = (source, message) => console.log(`${prefix(source)} ${message}`);

/**
 * Runs `node dist/services/<service>/src/main.js [...args]`. Output is printed line by line, prefixed with the
 * service name (or `label`, e.g. `workflow-2` for a replica). The child gets its own process group (detached), so a Ctrl-C in the terminal reaches only the
 * tool, which then stops the children in order instead of everything dying at once.
 */
export function spawnService(service, args, env, { rawLogs = false, label = service } = {}) {
  const child = spawn(process.execPath, ['--enable-source-maps', serviceEntry(service), ...args], {
    cwd: repoRoot,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      if (line.trim()) console.log(formatLine(label, line, { raw: rawLogs }));
    });
  }
  child.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return child;
}

/** SIGTERM, then SIGKILL after `graceMs`. Resolves when the child has exited. */
export async function stopChild(child, graceMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
}

/**
 * Applies each backend service's migrations (`main.js migrate`), one service after the other.
 * `track` receives each child so that a signal handler can stop it.
 */
export async function runMigrations(services, env, { track = () => undefined, rawLogs = false } = {}) {
  for (const service of services) {
    const child = spawnService(service, ['migrate'], env, { rawLogs });
    track(child);
    const { code, signal } = await child.exited;
    if (code !== 0) throw new Error(`migrating ${service} failed (${signal ? `signal ${signal}` : `exit code ${code}`})`);
  }
}

/**
 * JWT_SECRET from the environment, else the one kept in .data/jwt-secret (created on first use), so that tokens
 * issued before a restart stay valid after it.
 */
export async function jwtSecret(env = process.env) {
  if (env.JWT_SECRET) return env.JWT_SECRET;
  const file = path.join(dataDir, 'jwt-secret');
  try {
    const kept = (await readFile(file, 'utf8')).trim();
    if (kept) return kept;
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(48).toString('base64url');
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
