import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { NATS_CONNECTION } from '@warden/messaging';
import { eventSubject, isCloudEvent } from '@warden/contracts';

/** One open realtime stream of one signed-in person. */
export interface RealtimeConnection {
  tenantId: string;
  personId: string;
  send(event: string, id: string, data: unknown): void;
  end(): void;
}

/**
 * Fans the inquiries service's events out to the open streams. Each event names its audience — the
 * people the inquiries service's visibility rule lets see the item (participants, the assignee,
 * chat administrators of the item's branch) — and goes to exactly those people's streams of that
 * tenant, so a chat administrator of branch A never receives branch B's messages. A plain NATS
 * subscription reaches every gateway replica; a missed event is recovered by the client's next
 * list request (realtime is a hint, the REST API is the record).
 */
@Injectable()
export class RealtimeHub implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RealtimeHub.name);
  private readonly streams = new Map<string, Set<RealtimeConnection>>();
  private subscription: Subscription | null = null;

  constructor(@Inject(NATS_CONNECTION) private readonly nats: NatsConnection) {}

  onApplicationBootstrap(): void {
    this.subscription = this.nats.subscribe(eventSubject('inquiries.>'), {
      callback: (error, message) => {
        if (error) return this.logger.warn(`Realtime subscription: ${error.message}`);
        try {
          const event: unknown = message.json();
          if (isCloudEvent(event)) this.dispatch(event.tenantid, event.id, event.type, event.time, event.subject, event.data);
        } catch {
          this.logger.warn('Ignoring an inquiries message that is not JSON');
        }
      },
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    for (const connections of this.streams.values()) for (const connection of connections) connection.end();
    this.streams.clear();
  }

  add(connection: RealtimeConnection): void {
    const key = `${connection.tenantId}/${connection.personId}`;
    const set = this.streams.get(key) ?? new Set<RealtimeConnection>();
    set.add(connection);
    this.streams.set(key, set);
  }

  remove(connection: RealtimeConnection): void {
    const key = `${connection.tenantId}/${connection.personId}`;
    const set = this.streams.get(key);
    set?.delete(connection);
    if (set?.size === 0) this.streams.delete(key);
  }

  /** Open streams, for health and tests. */
  get size(): number {
    let total = 0;
    for (const set of this.streams.values()) total += set.size;
    return total;
  }

  private dispatch(tenantId: string, id: string, type: string, time: string, subject: string, data: unknown): void {
    if (typeof data !== 'object' || data === null) return;
    const { audience, ...payload } = data as { audience?: unknown };
    if (!Array.isArray(audience)) return;
    for (const personId of audience) {
      if (typeof personId !== 'string') continue;
      for (const connection of this.streams.get(`${tenantId}/${personId}`) ?? []) {
        connection.send(type, id, { id, type, time, subject, data: payload });
      }
    }
  }
}
