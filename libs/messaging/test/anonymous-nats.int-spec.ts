import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import { findFreePort, findNatsServerBinary, launchNatsServer } from '@warden/infra';
import type { NatsServerHandle } from '@warden/infra';
import { testEnv } from '@warden/testing';
import { acceptsAnonymousClients, refuseAnonymousNats } from '../src';

const binary = findNatsServerBinary();

(binary ? describe : describe.skip)('a NATS server that accepts anonymous clients', () => {
  let open: NatsServerHandle;
  let storeDir: string;

  beforeAll(async () => {
    storeDir = await mkdtemp(path.join(tmpdir(), 'warden-open-nats-'));
    open = await launchNatsServer({ binary: binary!, port: await findFreePort(), storeDir, log: () => undefined });
  });

  afterAll(async () => {
    await open?.stop();
    await rm(storeDir, { recursive: true, force: true });
  });

  it('is refused at start-up in production and loudly warned about elsewhere', async () => {
    expect(await acceptsAnonymousClients(open.url)).toBe(true);
    await expect(refuseAnonymousNats(open.url, 'production')).rejects.toThrow(/accepts clients without credentials/);
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      await refuseAnonymousNats(open.url, 'development');
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/accepts clients without credentials/));
    } finally {
      warn.mockRestore();
    }
  });

  it('is not what the tests run against: their server refuses anonymous clients, also in production', async () => {
    expect(await acceptsAnonymousClients(testEnv().natsUrl)).toBe(false);
    await expect(refuseAnonymousNats(testEnv().natsUrl, 'production')).resolves.toBeUndefined();
  });
});
