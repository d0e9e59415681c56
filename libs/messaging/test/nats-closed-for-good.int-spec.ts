import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort, findNatsServerBinary, launchNatsServer, loadOrCreateNatsCredentials, renderNatsAuthConfigWith } from '@warden/infra';
import type { NatsServerHandle } from '@warden/infra';
import { eventually } from '@warden/testing';
import { connectToNats, exitWhenClosedByError } from '../src';

const binary = findNatsServerBinary();

/** The one way a never-giving-up connection still ends: the server refuses it for good. The process must go. */
(binary ? describe : describe.skip)('a NATS connection closed for good', () => {
  let dir: string;
  let port: number;
  let server: NatsServerHandle | undefined;

  /** A server whose users have the passwords of `credentials` (a file name in the test's directory). */
  async function start(credentials: string): Promise<{ url: string; file: string }> {
    const file = path.join(dir, credentials);
    const configFile = path.join(dir, `${credentials}.conf`);
    await writeFile(configFile, renderNatsAuthConfigWith('', await loadOrCreateNatsCredentials(file)));
    server = await launchNatsServer({ binary: binary!, port, storeDir: path.join(dir, 'store'), configFile, log: () => undefined });
    return { url: server.url, file };
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'warden-nats-closed-'));
    port = await findFreePort();
  });

  afterAll(async () => {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('makes the process exit non-zero when the server no longer accepts its credentials', async () => {
    const { url, file } = await start('before.json');
    const connection = await connectToNats(url, 'identity', { NATS_CREDENTIALS_FILE: file });
    const exit = jest.fn();
    exitWhenClosedByError(connection, 'identity', exit);

    // Back with other passwords: reconnecting fails on authorization, which no retry fixes.
    await server!.stop();
    await start('after.json');
    await eventually(() => expect(exit).toHaveBeenCalledWith(1), { timeoutMs: 15_000, intervalMs: 200 });
    expect(connection.isClosed()).toBe(true);
  }, 30_000);

  it('leaves a process alone that closes its connection itself (shutdown)', async () => {
    const connection = await connectToNats(server!.url, 'identity', { NATS_CREDENTIALS_FILE: path.join(dir, 'after.json') });
    const exit = jest.fn();
    exitWhenClosedByError(connection, 'identity', exit);
    await connection.drain();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(exit).not.toHaveBeenCalled();
  });
});
