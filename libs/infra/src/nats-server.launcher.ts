import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { InfrastructureLog } from './infrastructure.types';
import { waitForPort } from './port.probe';

const READY_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;

/** Debian installs nats-server to /usr/sbin, which is not on every user's PATH. */
const EXTRA_DIRS = ['/usr/sbin', '/usr/local/sbin', '/usr/local/bin'];

export function findNatsServerBinary(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dirs = [...(env.PATH ?? '').split(path.delimiter).filter(Boolean), ...EXTRA_DIRS];
  for (const dir of dirs) {
    const candidate = path.join(dir, process.platform === 'win32' ? 'nats-server.exe' : 'nats-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export interface NatsServerOptions {
  binary: string;
  port: number;
  /** JetStream store directory (`-sd`); kept between runs when it is not a temporary directory. */
  storeDir: string;
  /** A configuration file (`-c`), e.g. the users and permissions of renderNatsAuthConfig. */
  configFile?: string;
  log: InfrastructureLog;
}

export interface NatsServerHandle {
  url: string;
  /** The server's process id (fault tests kill it outright). */
  pid: number | undefined;
  stop(): Promise<void>;
}

/** Starts `nats-server -js [-c config]` on 127.0.0.1:<port> as a child process and waits until it accepts connections. */
export async function launchNatsServer(options: NatsServerOptions): Promise<NatsServerHandle> {
  const { binary, port, storeDir, configFile, log } = options;
  await mkdir(storeDir, { recursive: true });
  const config = configFile ? ['-c', configFile] : [];
  const child = spawn(binary, [...config, '-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const recent: string[] = [];
  const remember = (chunk: Buffer): void => {
    recent.push(...chunk.toString('utf8').trim().split('\n'));
    recent.splice(0, Math.max(0, recent.length - 20));
  };
  child.stdout.on('data', remember);
  child.stderr.on('data', remember);
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const hasExited = (): boolean => child.exitCode !== null || child.signalCode !== null;

  // Last resort if the owner exits without calling stop(): do not leave an orphaned server behind.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    if (hasExited() || spawnError) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };

  try {
    await waitForPort('127.0.0.1', port, {
      timeoutMs: READY_TIMEOUT_MS,
      abortReason: () =>
        spawnError
          ? `could not run ${binary}: ${spawnError.message}`
          : hasExited()
            ? `nats-server exited (code ${child.exitCode ?? child.signalCode}):\n${recent.join('\n')}`
            : undefined,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  log(`nats-server (JetStream${configFile ? ', users and permissions' : ''}) listening on 127.0.0.1:${port} (store: ${storeDir})`);
  return { url: `nats://127.0.0.1:${port}`, pid: child.pid, stop };
}
