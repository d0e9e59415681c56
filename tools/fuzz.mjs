#!/usr/bin/env node
// `npm run fuzz -- --requests N [--seed S]`: the schema-driven fuzz spec (e2e/api-fuzz.e2e-spec.ts) with
// N requests and a new seed (printed, so a failure can be replayed with --seed).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const requests = option('requests') ?? '2000';
const seed = option('seed') ?? String(Math.floor(Math.random() * 2 ** 31));
if (!/^\d+$/.test(requests) || !/^\d+$/.test(seed)) {
  process.stderr.write('usage: npm run fuzz -- [--requests N] [--seed S]\n');
  process.exit(2);
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const child = spawn(process.execPath, [path.join(root, 'tools/test.mjs'), '--no-typecheck', 'e2e/api-fuzz'], {
  cwd: root,
  env: { ...process.env, FUZZ_REQUESTS: requests, FUZZ_SEED: seed },
  stdio: 'inherit',
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
