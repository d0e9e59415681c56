export interface MessagingOptions {
  /** The owning service: its name is also its schema, its event source and its consumer prefix. */
  service: string;
  natsUrl: string;
  /** How often the relay looks for unsent rows when no notification arrives (ms). */
  outboxPollIntervalMs?: number;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
