import { spawn } from 'node:child_process';
import path from 'node:path';

const REPO = path.resolve(__dirname, '..');

/**
 * The short run of `npm run chaos` (tools/chaos.mjs): one SIGKILL each of workflow, the gateway, nats-server and
 * PostgreSQL (its own, not this run's) under status-change traffic, then the count at a JetStream consumer.
 */
describe('chaos (short)', () => {
  it('loses, duplicates and invents no event while workflow, the gateway, NATS and PostgreSQL are killed', async () => {
    const child = spawn(process.execPath, [path.join(REPO, 'tools/chaos.mjs'), '--short'], {
      cwd: REPO,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (status) => resolve(status)));

    const summary = /acked (\d+), missing (\d+), duplicates (\d+), phantom (\d+)/.exec(output);
    if (code !== 0 || !summary) throw new Error(`chaos exited ${code}:\n${output.slice(-4000)}`);
    const [, acked, missing, duplicates, phantom] = summary.map(Number);
    expect({ missing, duplicates, phantom }).toEqual({ missing: 0, duplicates: 0, phantom: 0 });
    expect(acked).toBeGreaterThan(50);
    for (const fault of ['workflow', 'gateway', 'nats', 'postgres']) expect(output).toMatch(new RegExp(`^${fault} +5xx \\d+`, 'm'));
  }, 300_000);
});
