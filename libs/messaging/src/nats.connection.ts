import { Logger } from '@nestjs/common';
import { connect } from '@nats-io/transport-node';
import type { ConnectionOptions, NatsConnection } from '@nats-io/transport-node';
import type { StreamInfo } from '@nats-io/jetstream';
import { jetstreamManager, RetentionPolicy, StorageType, DiscardPolicy } from '@nats-io/jetstream';
import { eventStreamName, eventStreamSubjects } from '@warden/contracts';
import { natsAuthOptions } from '@warden/infra';
import type { NatsAuthEnv } from '@warden/infra';

/**
 * Reconnect for as long as the process lives, whatever the length of the outage: the default (10 attempts 2 s
 * apart) gives up after ~20 s and leaves a process that no longer listens. The jitter spreads the reconnects of
 * many processes over a second, so a restarted server is not hit by all of them at once. Pings every 20 s find
 * a connection whose peer vanished without closing it.
 */
export const NATS_RECONNECT_OPTIONS = {
  reconnect: true,
  maxReconnectAttempts: -1,
  reconnectTimeWait: 1000,
  reconnectJitter: 1000,
  waitOnFirstConnect: true,
  pingInterval: 20_000,
  maxPingOut: 3,
} as const satisfies ConnectionOptions;

/** Options for every long-lived connection of a process (messaging, the Nest transport, the gateway). */
export function natsConnectionOptions(servers: string, name: string, auth: NatsAuthEnv = {}, user: string = name): ConnectionOptions {
  return {
    servers: servers
      .split(',')
      .map((server) => server.trim())
      .filter(Boolean),
    name,
    ...NATS_RECONNECT_OPTIONS,
    ...natsAuthOptions(auth, user),
  };
}

/** A connection that keeps reconnecting for as long as the process lives: the broker may come and go. */
export async function connectToNats(servers: string, name: string, auth: NatsAuthEnv = {}, user: string = name): Promise<NatsConnection> {
  return connect(natsConnectionOptions(servers, name, auth, user));
}

/** True when the server lets a client in without any credentials. */
export async function acceptsAnonymousClients(servers: string): Promise<boolean> {
  try {
    const probe = await connect({
      servers: servers.split(',').map((server) => server.trim()),
      reconnect: false,
      timeout: 3000,
      name: 'anonymous-probe',
    });
    await probe.close();
    return true;
  } catch {
    return false; // refused (authorization violation) or unreachable: either way not an open door we can see
  }
}

const logger = new Logger('NatsConnection');

/**
 * With reconnects that never give up, a connection only closes on its own for an error that no retry fixes
 * (credentials refused, a protocol error): the process then has no bus for good and is useless. It exits non-zero
 * so that its supervisor (npm start, Compose's restart policy, Kubernetes) replaces it; a close the process asked
 * for (shutdown) resolves without an error and changes nothing.
 */
export function exitWhenClosedByError(
  connection: NatsConnection,
  what: string,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  void connection.closed().then((error) => {
    if (!error) return;
    logger.error(`${what}: the NATS connection closed for good (${error.message}); exiting so that the process is replaced`);
    exit(1);
  });
}

/**
 * An open NATS lets anyone who reaches it call every service's RPC with a made-up context: refused in
 * production, shouted about elsewhere (a developer's own open server still works).
 */
export async function refuseAnonymousNats(servers: string, nodeEnv: string | undefined): Promise<void> {
  if (!(await acceptsAnonymousClients(servers))) return;
  const message =
    `NATS at ${servers} accepts clients without credentials: anyone who reaches it can call every service's RPC ` +
    'and publish events. Configure users and permissions (deploy/nats/auth.conf) and give each process NATS_USER / NATS_PASSWORD.';
  if (nodeEnv === 'production') throw new Error(message);
  logger.warn(`\n${'!'.repeat(100)}\n!! ${message}\n${'!'.repeat(100)}`);
}

const NANOS_PER_SECOND = 1_000_000_000;

/**
 * Creates the event stream when missing. File storage, limits retention (every consumer reads at
 * its own pace), and a de-duplication window long enough to cover a relay retrying after an outage.
 * `replicas` (NATS_STREAM_REPLICAS) is how many servers of a JetStream cluster keep each event: 1 for a single
 * server, 3 for a three-node cluster. A stream found with fewer replicas is raised to that count (moving from one
 * server to a cluster), never lowered: during a rolling change a replica still configured lower changes nothing.
 */
export async function ensureEventStream(connection: NatsConnection, replicas = 1): Promise<void> {
  const manager = await jetstreamManager(connection);
  const name = eventStreamName();
  const config = {
    name,
    subjects: eventStreamSubjects(),
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    max_age: 30 * 24 * 3600 * NANOS_PER_SECOND,
    duplicate_window: 3600 * NANOS_PER_SECOND,
    num_replicas: replicas,
  };
  let existing: StreamInfo;
  try {
    existing = await manager.streams.info(name);
  } catch {
    try {
      await manager.streams.add(config);
      return;
    } catch (error) {
      // Another service created it between our two calls.
      existing = await manager.streams.info(name).catch(() => {
        throw error;
      });
    }
  }
  // A stream made before a service was added lacks that service's subjects: add them (existing events stay).
  const missing = config.subjects.filter((subject) => !existing.config.subjects?.includes(subject));
  const raise = existing.config.num_replicas < replicas;
  if (raise) logger.log(`raising the replicas of stream ${name} from ${existing.config.num_replicas} to ${replicas}`);
  if (missing.length > 0 || raise) {
    await manager.streams.update(name, {
      ...existing.config,
      subjects: [...(existing.config.subjects ?? []), ...missing],
      num_replicas: Math.max(existing.config.num_replicas, replicas),
    });
  }
}
