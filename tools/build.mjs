#!/usr/bin/env node
// Compiles services/*/src and libs/*/src (TypeScript) into dist/ with swc, mirroring the tree:
//   services/gateway/src/main.ts -> dist/services/gateway/src/main.js (+ .js.map)
// CommonJS, ES2022, legacy decorators with metadata (Nest DI), `@warden/<lib>` imports rewritten to relative
// paths. Type-checking is `npm run typecheck`, not part of this build.
//
// Incremental: a file is recompiled only when its source is newer than its output; outputs whose source was
// deleted are removed; a change of this script's compiler options forces a full rebuild (see STAMP).
//
// Usage: `node tools/build.mjs [--clean]`, or `import { build } from './build.mjs'`.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import swc from '@swc/core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const distDir = path.join(repoRoot, 'dist');
const STAMP = path.join(distDir, '.build-stamp');
const SOURCE_ROOTS = ['services', 'libs']; // each <root>/<project>/src/**/*.ts
const SKIPPED = /(\.spec|\.test|\.d)\.ts$/;

/** `@warden/<lib>` -> libs/<lib>/src/index.ts, read from tsconfig.base.json so there is one source of truth. */
async function readPaths() {
  const file = path.join(repoRoot, 'tsconfig.base.json');
  const text = await readFile(file, 'utf8');
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    // tsconfig may contain comments or trailing commas: let TypeScript (a dev dependency) parse it.
    const ts = (await import('typescript')).default;
    const parsed = ts.parseConfigFileTextToJson(file, text);
    if (parsed.error) throw new Error(`cannot parse ${file}: ${ts.flattenDiagnosticMessageText(parsed.error.messageText, '\n')}`);
    json = parsed.config;
  }
  return json.compilerOptions?.paths ?? {};
}

function swcOptions(paths) {
  return {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      target: 'es2022',
      // swc resolves `paths` against the importing file's `filename`, so baseUrl must be absolute.
      baseUrl: repoRoot,
      paths,
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true, // Nest and TypeORM use class names (tokens, entity names, log contexts)
    },
    module: { type: 'commonjs' },
    sourceMaps: true,
    swcrc: false,
    configFile: false,
  };
}

async function listSources() {
  const files = [];
  const walk = async (dir) => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (error.code === 'ENOENT') return; // a project without src/ yet
      throw error;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && entry.name.endsWith('.ts') && !SKIPPED.test(entry.name)) files.push(full);
    }
  };
  for (const root of SOURCE_ROOTS) {
    let projects = [];
    try {
      projects = await readdir(path.join(repoRoot, root), { withFileTypes: true });
    } catch (error) {
      if (error.code !== 'ENOENT') throw error; // services/ may not exist yet
    }
    for (const project of projects) {
      if (project.isDirectory()) await walk(path.join(repoRoot, root, project.name, 'src'));
    }
  }
  return files;
}

const outputOf = (source) => path.join(distDir, path.relative(repoRoot, source)).replace(/\.ts$/, '.js');

async function mtime(file) {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return -1;
  }
}

/** Write then rename, so that a process loading dist/ during a build (npm start and npm test side by side)
 * never reads half a file. */
async function writeAtomically(file, content) {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}

async function compile(source, options) {
  const output = outputOf(source);
  const outDir = path.dirname(output);
  const { code, map } = await swc.transformFile(source, {
    ...options,
    filename: source,
    // Maps point back to the .ts file relative to the output, so they survive moving the checkout.
    sourceFileName: path.relative(outDir, source),
  });
  await mkdir(outDir, { recursive: true });
  const mapName = `${path.basename(output)}.map`;
  await writeAtomically(path.join(outDir, mapName), map);
  await writeAtomically(output, `${code}\n//# sourceMappingURL=${mapName}\n`);
}

/** Removes dist files whose .ts source no longer exists (renamed or deleted files must not linger). */
async function removeOrphans(sources) {
  const expected = new Set(sources.map(outputOf));
  let removed = 0;
  const walk = async (dir) => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith('.js') && !expected.has(full)) {
        await unlink(full);
        await rm(`${full}.map`, { force: true });
        removed++;
      } else if (entry.name.endsWith('.js.map') && !expected.has(full.slice(0, -'.map'.length))) {
        // Already gone when its .js came first in this directory listing.
        await rm(full, { force: true });
      }
    }
  };
  for (const root of SOURCE_ROOTS) await walk(path.join(distDir, root));
  return removed;
}

/**
 * Builds dist/. Returns { compiled, upToDate, removed, ms }.
 * @param {{ clean?: boolean, quiet?: boolean }} [opts]
 */
export async function build({ clean = false, quiet = false } = {}) {
  const started = performance.now();
  const options = swcOptions(await readPaths());
  // The stamp records a hash of the compiler options, the swc version and this script: when any of them changes,
  // all outputs are stale even though they are newer than their sources.
  const self = await readFile(fileURLToPath(import.meta.url));
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([options, swc.version]))
    .update(self)
    .digest('hex');
  let previous = null;
  try {
    previous = JSON.parse(await readFile(STAMP, 'utf8')).fingerprint;
  } catch {
    // no stamp yet: everything is rebuilt anyway
  }
  const full = clean || previous !== fingerprint;
  if (clean) await Promise.all(SOURCE_ROOTS.map((root) => rm(path.join(distDir, root), { recursive: true, force: true })));

  const sources = await listSources();
  const stale = [];
  await Promise.all(
    sources.map(async (source) => {
      if (full || (await mtime(outputOf(source))) < (await mtime(source))) stale.push(source);
    }),
  );

  // swc's transformFile runs on its own thread pool; a bounded number in flight keeps memory flat.
  const errors = [];
  const queue = [...stale];
  const workers = Array.from({ length: Math.min(queue.length, availableParallelism() * 2) }, async () => {
    for (let source = queue.shift(); source; source = queue.shift()) {
      await compile(source, options).catch((error) => errors.push({ source, error }));
    }
  });
  await Promise.all(workers);
  const removed = await removeOrphans(sources);

  if (errors.length > 0) {
    for (const { source, error } of errors) {
      // swc appends a native stack trace when RUST_BACKTRACE is set; the diagnostic above it is what matters.
      const message = String(error.message ?? error)
        .split(/\n\s*(?:Caused by:|Stack backtrace:)/)[0]
        .trimEnd();
      console.error(`build: ${path.relative(repoRoot, source)}\n${message}`);
    }
    // Leave no stale output looking up to date: the next build retries the failed ones.
    await Promise.all(
      errors.flatMap(({ source }) => [rm(outputOf(source), { force: true }), rm(`${outputOf(source)}.map`, { force: true })]),
    );
    throw new Error(`build failed: ${errors.length} file(s) did not compile`);
  }

  const ms = Math.round(performance.now() - started);
  await mkdir(distDir, { recursive: true });
  await writeFile(
    STAMP,
    `${JSON.stringify({ builtAt: new Date().toISOString(), fingerprint, files: sources.length, compiled: stale.length }, null, 2)}\n`,
  );
  if (!quiet) {
    console.log(
      `build: ${stale.length} compiled, ${sources.length - stale.length} up to date` +
        `${removed ? `, ${removed} removed` : ''} (${ms} ms) -> ${path.relative(process.cwd(), distDir) || '.'}`,
    );
  }
  return { compiled: stale.length, upToDate: sources.length - stale.length, removed, ms };
}

// Run when executed directly (`node tools/build.mjs`), not when imported.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  build({ clean: process.argv.includes('--clean') }).catch((error) => {
    console.error(error.message);
    process.exitCode = 1;
  });
}
