import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager, RetentionPolicy, StorageType, DiscardPolicy } from '@nats-io/jetstream';
import { eventStreamName, eventStreamSubjects } from '@warden/contracts';

/** A connection that keeps reconnecting for as long as the process lives: the broker may come and go. */
export async function connectToNats(servers: string, name: string): Promise<NatsConnection> {
  return connect({ servers, name, reconnect: true, maxReconnectAttempts: -1, reconnectTimeWait: 500, waitOnFirstConnect: true });
}

const NANOS_PER_SECOND = 1_000_000_000;

/**
 * Creates the event stream when missing. File storage, limits retention (every consumer reads at
 * its own pace), and a de-duplication window long enough to cover a relay retrying after an outage.
 */
export async function ensureEventStream(connection: NatsConnection): Promise<void> {
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
  };
  try {
    await manager.streams.info(name);
  } catch {
    try {
      await manager.streams.add(config);
    } catch (error) {
      // Another service created it between our two calls.
      await manager.streams.info(name).catch(() => {
        throw error;
      });
    }
  }
}
