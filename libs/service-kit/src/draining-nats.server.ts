import { ServerNats } from '@nestjs/microservices';
import type { NatsOptions } from '@nestjs/microservices';

/** How long a closing service waits for the requests it already took before it closes anyway. */
export const RPC_DRAIN_TIMEOUT_MS = 10_000;

type NatsServerOptions = Required<NatsOptions>['options'];
type NatsMsgLike = { reply?: string };
type ReplyPacket = { err?: unknown; isDisposed?: boolean };
type Unsubscribable = { unsubscribe(): void };
type Subscriber = { subscribe(subject: string, options: unknown): Unsubscribable };

/**
 * Nest's NATS server, closing gracefully: on close it unsubscribes first (the queue group hands new requests to
 * the other replicas), then waits until every request it took has sent its final reply (not a fixed grace period
 * as Nest's `gracefulShutdown` does), and only then closes its connection, before the application's shutdown
 * hooks close the database.
 */
export class DrainingNatsServer extends ServerNats {
  private readonly inFlight = new Set<NatsMsgLike>();
  private readonly ownSubscriptions: Unsubscribable[] = [];
  private idle: (() => void) | null = null;

  constructor(
    options: NatsServerOptions,
    private readonly drainTimeoutMs = RPC_DRAIN_TIMEOUT_MS,
  ) {
    super({ ...options, gracefulShutdown: false });
  }

  /** Keeps the subscriptions ServerNats makes (its own list is private), to end them first on close. */
  override bindEvents(client: Subscriber): void {
    super.bindEvents({
      subscribe: (subject: string, options: unknown) => {
        const subscription = client.subscribe(subject, options);
        this.ownSubscriptions.push(subscription);
        return subscription;
      },
    });
  }

  override async close(): Promise<void> {
    for (const subscription of this.ownSubscriptions.splice(0)) subscription.unsubscribe();
    await this.drain();
    await super.close();
  }

  /** Requests taken and not yet answered. */
  get pendingRequests(): number {
    return this.inFlight.size;
  }

  override async handleMessage(channel: string, natsMsg: Parameters<ServerNats['handleMessage']>[1]): Promise<unknown> {
    const message = natsMsg as unknown as NatsMsgLike;
    // A message without a reply subject is an event: done when its handler returns.
    if (message.reply) this.inFlight.add(message);
    try {
      return await super.handleMessage(channel, natsMsg);
    } finally {
      if (!message.reply) this.settle(message);
    }
  }

  override getPublisher(natsMsg: Parameters<ServerNats['getPublisher']>[0], id: string, ctx: Parameters<ServerNats['getPublisher']>[2]) {
    const publish = super.getPublisher(natsMsg, id, ctx);
    return (packet: ReplyPacket) => {
      const result: unknown = publish(packet as never);
      if (packet.isDisposed || packet.err !== undefined) this.settle(natsMsg as unknown as NatsMsgLike);
      return result;
    };
  }

  /** Waits for the requests already taken to be answered, then sends the buffered replies. */
  private async drain(): Promise<void> {
    if (this.inFlight.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => (this.idle = resolve)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, this.drainTimeoutMs))),
      ]);
      clearTimeout(timer);
      this.idle = null;
    }
    // The last replies are still in the client's outbound buffer: send them before the connection closes.
    const client = this.unwrapOrNull();
    await client?.flush().catch(() => undefined);
  }

  private unwrapOrNull(): { flush(): Promise<void> } | null {
    try {
      return this.unwrap<{ flush(): Promise<void> }>();
    } catch {
      return null; // not connected
    }
  }

  private settle(message: NatsMsgLike): void {
    if (this.inFlight.delete(message) && this.inFlight.size === 0) this.idle?.();
  }
}
