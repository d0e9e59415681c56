import type { NatsAuthEnv } from '@warden/infra';

export interface MessagingOptions {
  /** The owning service: its name is also its schema, its event source and its consumer prefix. */
  service: string;
  natsUrl: string;
  /** Credentials (see natsAuthOptions); without any, the connection is anonymous. */
  natsAuth?: NatsAuthEnv;
  /** The NATS user taken from a credentials file (NATS_CREDENTIALS_FILE); defaults to `service`. */
  natsUser?: string;
  /** `production` refuses a NATS that accepts anonymous clients; elsewhere it is a loud warning. */
  nodeEnv?: string;
  /** Replicas of the event stream (and of other JetStream state) in a JetStream cluster (NATS_STREAM_REPLICAS); default 1. */
  streamReplicas?: number;
  /** How often the relay looks for unsent rows when no notification arrives (ms). */
  outboxPollIntervalMs?: number;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
