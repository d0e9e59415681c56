import { connect } from '@nats-io/transport-node';
import type { ConnectionOptions, NatsConnection } from '@nats-io/transport-node';
import type { BusUser } from '@warden/contracts';
import { natsAuthOptions } from '@warden/infra';
import { testEnv } from './test.env';

/**
 * A connection to the run's NATS as one of the bus users (credentials from NATS_CREDENTIALS_FILE, which
 * tools/test.mjs writes for the nats-server it starts), with that user's permissions and nothing more.
 */
export function connectToTestNats(user: BusUser, options: Partial<ConnectionOptions> = {}): Promise<NatsConnection> {
  return connect({ servers: testEnv().natsUrl, name: `test-as-${user}`, ...natsAuthOptions(process.env, user), ...options });
}
