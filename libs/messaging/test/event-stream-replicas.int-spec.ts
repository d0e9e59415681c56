import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { eventStreamName } from '@warden/contracts';
import { findFreePort, findNatsServerBinary, launchNatsServer } from '@warden/infra';
import type { NatsServerHandle } from '@warden/infra';
import { ensureEventStream } from '../src';

const binary = findNatsServerBinary();

/** Retries while the cluster elects its JetStream meta leader (the API answers "temporarily unavailable" until then). */
async function whenJetStreamClusterReady<T>(action: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await action();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

// The same topology as the production overlay's NATS (deploy/k8s/overlays/production/nats-cluster.conf): three
// JetStream servers joined by cluster routes.
(binary ? describe : describe.skip)('the event stream on a three-node JetStream cluster (NATS_STREAM_REPLICAS)', () => {
  const servers: NatsServerHandle[] = [];
  let dir: string;
  let connection: NatsConnection;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'warden-nats-cluster-'));
    const clusterPorts = [await findFreePort(), await findFreePort(), await findFreePort()];
    const routes = clusterPorts.map((port) => `nats://127.0.0.1:${port}`).join(', ');
    const nodes = await Promise.all(
      clusterPorts.map(async (clusterPort, index) => {
        const configFile = path.join(dir, `node-${index}.conf`);
        await writeFile(
          configFile,
          `server_name: node-${index}\ncluster { name: warden-test, listen: "127.0.0.1:${clusterPort}", routes: [${routes}] }\n`,
        );
        return { configFile, port: await findFreePort(), storeDir: path.join(dir, `store-${index}`) };
      }),
    );
    servers.push(...(await Promise.all(nodes.map((node) => launchNatsServer({ binary: binary!, ...node, log: () => undefined })))));
    connection = await connect({ servers: servers.map((server) => server.url) });
  }, 60_000);

  afterAll(async () => {
    await connection?.close();
    await Promise.all(servers.map((server) => server.stop()));
    await rm(dir, { recursive: true, force: true });
  });

  afterEach(async () => {
    const manager = await jetstreamManager(connection);
    await manager.streams.delete(eventStreamName()).catch(() => undefined);
  });

  it('creates the stream with 3 replicas: each event is kept by all three servers', async () => {
    await whenJetStreamClusterReady(() => ensureEventStream(connection, 3));
    const manager = await jetstreamManager(connection);
    const info = await whenJetStreamClusterReady(async () => {
      const found = await manager.streams.info(eventStreamName());
      if ((found.cluster?.replicas ?? []).length !== 2) throw new Error('replicas not placed yet');
      return found;
    });
    expect(info.config.num_replicas).toBe(3);
    expect(info.cluster?.leader).toMatch(/^node-\d$/);
    expect(new Set([info.cluster?.leader, ...(info.cluster?.replicas ?? []).map((peer) => peer.name)])).toEqual(
      new Set(['node-0', 'node-1', 'node-2']),
    );
  }, 60_000);

  it('keeps one replica by default', async () => {
    await whenJetStreamClusterReady(() => ensureEventStream(connection));
    const info = await (await jetstreamManager(connection)).streams.info(eventStreamName());
    expect(info.config.num_replicas).toBe(1);
  }, 60_000);

  it('raises a stream found with fewer replicas, and never lowers one', async () => {
    await whenJetStreamClusterReady(() => ensureEventStream(connection, 1));
    await ensureEventStream(connection, 3);
    const manager = await jetstreamManager(connection);
    expect((await manager.streams.info(eventStreamName())).config.num_replicas).toBe(3);
    await ensureEventStream(connection, 1);
    expect((await manager.streams.info(eventStreamName())).config.num_replicas).toBe(3);
  }, 60_000);
});
