import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort, findNatsServerBinary, launchNatsServer, loadOrCreateNatsCredentials, renderNatsAuthConfigWith } from '@warden/infra';
import type { NatsServerHandle } from '@warden/infra';
import { eventually, testEnv } from '@warden/testing';
import { createTenant } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';
import { Stack } from './support/stack';

/** Longer than the ~20 s after which a client with default settings (10 attempts, 2 s apart) gives up for good. */
const OUTAGE_MS = 35_000;
/** Every route answers again within this long after NATS is back (reconnects are 1-2 s apart). */
const RECOVERY_MS = 10_000;
/** One read route per service behind the gateway. */
const ROUTES = ['/api/v1/staff', '/api/v1/groups', '/api/v1/departments', '/api/v1/orders', '/api/v1/conversations'];

const binary = findNatsServerBinary();

/**
 * A NATS outage of any length ends with every route answering again, nothing restarted by hand: the whole stack
 * runs against a nats-server of this test's own (same users and permissions as the run's), which is stopped for
 * 35 s and started again on the same port with the same store.
 */
(binary ? describe : describe.skip)('a NATS outage', () => {
  let dir: string;
  let port: number;
  let configFile: string;
  let nats: NatsServerHandle | undefined;
  let stack: Stack;
  let tenant: TenantFixture;

  const startNats = async (): Promise<NatsServerHandle> =>
    launchNatsServer({ binary: binary!, port, storeDir: path.join(dir, 'store'), configFile, log: () => undefined });

  const statuses = async (): Promise<Record<string, number>> =>
    Object.fromEntries(await Promise.all(ROUTES.map(async (route) => [route, (await stack.http.get(route, tenant.adminToken)).status])));

  const allOk = Object.fromEntries(ROUTES.map((route) => [route, 200]));

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'warden-nats-outage-'));
    port = await findFreePort();
    const credentialsFile = path.join(dir, 'credentials.json');
    configFile = path.join(dir, 'nats-server.conf');
    await writeFile(configFile, renderNatsAuthConfigWith(testEnv().subjectPrefix, await loadOrCreateNatsCredentials(credentialsFile)));
    nats = await startNats();
    // Every process of the stack on this server, each as its own user of this server's credentials.
    const natsEnv = { NATS_URL: nats.url, NATS_CREDENTIALS_FILE: credentialsFile, NATS_USER: undefined, NATS_PASSWORD: undefined };
    stack = await Stack.start({ serviceEnv: natsEnv, gateway: natsEnv });
    tenant = await createTenant(stack, 'outage');
  });

  afterAll(async () => {
    await stack?.stop();
    await nats?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'ends with every service answering through the gateway within seconds of NATS coming back',
    async () => {
      await eventually(async () => expect(await statuses()).toEqual(allOk));

      await nats!.stop();
      nats = undefined;
      const during = await statuses();
      expect(Object.values(during).every((status) => status === 503)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));

      nats = await startNats();
      const back = Date.now();
      await eventually(async () => expect(await statuses()).toEqual(allOk), { timeoutMs: RECOVERY_MS, intervalMs: 250 });
      process.stdout.write(`every route answered again ${Date.now() - back} ms after NATS was back\n`);
    },
    OUTAGE_MS + RECOVERY_MS + 60_000,
  );
});
